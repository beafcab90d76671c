"""The production stack as README "Deploying" describes it, on this machine: a PostgreSQL
database of its own, Redis (database 1), an S3 endpoint (moto in server mode) and gunicorn
servers started with `make serve`, each on a free port."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/1"
SITE = "https://complaints.example.test"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, *, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{process.args} stopped with {process.returncode}")
        try:
            if requests.get(url, timeout=10).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    """Stop a process started in a session of its own, with everything it started."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class Database:
    """A database of its own on the local PostgreSQL server, dropped afterwards."""

    def __init__(self):
        self.name = f"redress_stack_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.url = f"{PG}/{self.name}"

    def __enter__(self):
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc):
        with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def value(self, sql: str, *params):
        with psycopg.connect(self.url) as connection:
            return connection.execute(sql, params).fetchone()[0]


def run(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, **kwargs
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return run([str(VENV_BIN / "python"), "manage.py", *args], env)


def start(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    handle = log.open("w")
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
    )


class Visitor(requests.Session):
    """A browser behind the README's nginx: X-Forwarded-Proto and X-Real-IP set by the proxy,
    and the Origin header browsers send with a form (Django's CSRF check). GET follows
    redirects, POST does not (as requests does), so a test sees where a form sends it."""

    def __init__(self, address: str):
        super().__init__()
        self.headers.update({"X-Forwarded-Proto": "https", "X-Real-IP": address})

    def request(self, method, url, *args, **kwargs):
        # The test plays the TLS-terminating proxy: cookies marked Secure (the session's, the
        # CSRF token's) go back to the servers, which are told the visit came over HTTPS.
        for cookie in self.cookies:
            cookie.secure = False
        if method.upper() == "POST":
            origin = "https://" + url.split("://", 1)[1].split("/", 1)[0]
            kwargs.setdefault("headers", {})["Origin"] = origin
            kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        return super().request(method, url, *args, **kwargs)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    fields[name] = a.get("value", "on")
            elif kind not in ("submit", "file", "button"):
                fields[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select:
            if "selected" in a or not fields[self._select]:
                fields[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "textarea" and self._textarea:
            # As browsers do, the newline just after <textarea> is not part of the value.
            fields = self.forms[-1]["fields"]
            fields[self._textarea] = fields[self._textarea].removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1]["fields"][self._textarea] += data


def form(html: str, *, containing: str) -> dict:
    """The fields of the first form on the page with a field named `containing`, as a browser
    would send them (selects at their selected option, textareas with their text)."""
    parser = _FormParser()
    parser.feed(html)
    for found in parser.forms:
        if containing in found["fields"]:
            return dict(found["fields"])
    raise AssertionError(f"no form with {containing!r}")


def sent_mail(folder: Path) -> str:
    return "\n".join(path.read_text(errors="replace") for path in sorted(folder.glob("*")))


def sign_in_link(folder: Path, address: str) -> str:
    """The path of the newest sign-in link emailed to `address` (file email backend)."""
    links = []
    for path in sorted(folder.glob("*"), key=lambda p: p.stat().st_mtime):
        for message in path.read_text(errors="replace").split("-" * 79):
            if f"To: {address}" in message:
                links += re.findall(r"/follow/sign-in/[^/\s]+/", message.replace("=\n", ""))
    assert links, f"no sign-in link sent to {address}"
    return links[-1]
