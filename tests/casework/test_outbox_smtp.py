"""The outbox sends each message exactly once, proven against a real SMTP server (aiosmtpd)
started by the test: two `send_outbox` processes run at once, the server stops part-way
through their batch and starts again later, and in the end every message has arrived once,
none twice, none lost.

The processes share the test's database: on PostgreSQL the test database itself; on SQLite a
file the in-memory test database is copied to (the processes cannot reach memory)."""

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from casework.models import OutboundEmail

pytestmark = pytest.mark.django_db(transaction=True)

MESSAGES = 30
STOP_AFTER = 10  # deliveries before the server goes down
ROOT = Path(settings.BASE_DIR)


class Mailbox:
    """The server's side: every message it accepted, by subject. Each is recorded in the same
    step as its "250 OK" is written, so a message counted here is one the sender was told was
    delivered."""

    def __init__(self, stop_after: int | None = None):
        self.subjects: list[str] = []
        self.lock = threading.Lock()
        self.stop_after = stop_after
        self.reached = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.05)  # a little time per message, so the two senders overlap
        subject = next(
            line.split(":", 1)[1].strip()
            for line in envelope.content.decode().splitlines()
            if line.lower().startswith("subject:")
        )
        with self.lock:
            self.subjects.append(subject)
            if self.stop_after is not None and len(self.subjects) >= self.stop_after:
                self.reached.set()
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(mailbox: Mailbox, port: int) -> Controller:
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def database_url(tmp_path) -> tuple[str, Path | None]:
    """Where the processes find the test's data."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        port = db.get("PORT") or 5432
        return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{port}/{db['NAME']}", None
    assert connection.vendor == "sqlite"
    path = tmp_path / "outbox.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}", path


def send_outbox_twice_at_once(url: str, port: int) -> list[subprocess.CompletedProcess]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.support.outbox_smtp_settings",
        "REDRESS_TEST_SMTP_PORT": str(port),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "send_outbox"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
        results.append(out)
    return results


def rows(path: Path | None) -> dict[str, tuple[str, int]]:
    """Each message's status and attempts, as the processes left them."""
    if path is None:
        return {e.subject: (e.status, e.attempts) for e in OutboundEmail.objects.all()}
    with sqlite3.connect(path) as db:
        return {
            subject: (status, attempts)
            for subject, status, attempts in db.execute(
                "SELECT subject, status, attempts FROM casework_outboundemail"
            )
        }


def make_due_again(path: Path | None) -> None:
    """The retry wait (a minute after the first failure) has passed."""
    if path is None:
        OutboundEmail.objects.update(next_attempt_at="2000-01-01T00:00:00Z")
        return
    with sqlite3.connect(path) as db:
        db.execute("UPDATE casework_outboundemail SET next_attempt_at = '2000-01-01 00:00:00'")


def test_every_message_arrives_once_across_two_senders_and_a_server_outage(tmp_path):
    subjects = [f"Outbox message {n:02d}" for n in range(MESSAGES)]
    for subject in subjects:
        OutboundEmail.objects.create(
            purpose="test", to=["resident@example.net"], subject=subject, body_text="Hello."
        )
    url, path = database_url(tmp_path)
    port = free_port()

    # Two senders at once; the server stops after STOP_AFTER messages, mid-batch.
    first = Mailbox(stop_after=STOP_AFTER)
    server = start(first, port)
    stopper = threading.Thread(target=lambda: (first.reached.wait(120), server.stop()))
    stopper.start()
    send_outbox_twice_at_once(url, port)
    stopper.join()
    after_outage = rows(path)
    assert STOP_AFTER <= len(first.subjects) < MESSAGES, "the outage came part-way through"
    waiting = [s for s, (status, _n) in after_outage.items() if status == "retrying"]
    assert waiting, "messages the server refused wait to be tried again"
    assert {s for s, (status, _n) in after_outage.items() if status == "sent"} == set(
        first.subjects
    )

    # The server is back; the wait before retrying has passed; both senders run again.
    second = Mailbox()
    server = start(second, port)
    try:
        make_due_again(path)
        send_outbox_twice_at_once(url, port)
    finally:
        server.stop()

    delivered = first.subjects + second.subjects
    assert sorted(delivered) == subjects, "every message arrived exactly once"
    final = rows(path)
    assert {status for status, _n in final.values()} == {"sent"}
    assert all(final[s][1] >= 2 for s in waiting), "those caught by the outage were retried"
