"""Servers the security tests need, each on 127.0.0.1."""

import os
import shutil
import socket
import subprocess
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_url():
    """REDIS_TEST_URL, or the developer's Redis database 2, or else a Redis server of its own
    on a free port (Debian's redis-server; the test fails if there is none)."""
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/2")
    if redis_answers(url):
        yield url
        return
    binary = shutil.which("redis-server")
    assert binary, "Redis is needed: install redis-server or set REDIS_TEST_URL"
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(50):
            if redis_answers(url):
                break
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
