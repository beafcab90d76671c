"""The resident-facing "raise a complaint" journey: question pages, check your answers and
confirmation, with the answers kept in the session until the case is logged."""
