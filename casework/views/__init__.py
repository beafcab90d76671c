"""Thin admin screens over the casework services, one package per area."""
