"""Two web servers behind one database, one Redis and one object store, run as README
"Deploying" says (`make serve` with the production settings): whatever a resident or a member
of staff does on one server, the other sees; the rate limits count across both; stopping a
server in the middle of a submission loses nothing.

Runs in the PostgreSQL pass of .ci/run (`-m production_stack` alone: it makes its own
database on 127.0.0.1:5432 and uses Redis database 1 on 127.0.0.1:6379, whatever DATABASE_URL
says). A missing service fails it; it never skips.
"""

import io
import random
import re
import secrets
import signal
import socket
import subprocess
import threading
import time

import boto3
import pytest
import redis
from django.urls import reverse
from PIL import Image

from tests.production.stack import (
    REDIS_URL,
    ROOT,
    SITE,
    VENV_BIN,
    Database,
    Visitor,
    form,
    free_port,
    manage,
    sign_in_link,
    start,
    stop,
    wait_for,
)
from tests.support.files import PDF, image_bytes

pytestmark = pytest.mark.production_stack

# Real files, since uploads are opened by a parser; the photo is re-encoded without its
# metadata when it is kept, so it comes back as a JPEG of the same size rather than these bytes.
JPEG = image_bytes("JPEG")
PASSWORD = "example-homes-demo"  # the demo officer's (load_demo prints it)


def address() -> str:
    """A visitor's address for the rate limits, new each run (Redis keeps counts an hour)."""
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@pytest.fixture
def stack(tmp_path):
    # Redis on these machines; .ci/run starts it. Refuses to run (fails) without it.
    redis.Redis.from_url(REDIS_URL).ping()

    s3_port = free_port()
    moto = start(
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)],
        {"PATH": str(VENV_BIN), "HOME": str(tmp_path)},
        tmp_path / "moto.log",
    )
    servers = {}
    try:
        endpoint = f"http://127.0.0.1:{s3_port}"
        wait_for(endpoint + "/moto-api/", seconds=60, process=moto)
        bucket = "redress-files"
        s3 = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="eu-west-2",
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
        )
        s3.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        mail = tmp_path / "mail"
        with Database() as database:
            # The environment of README "Deploying", as /etc/redress.env would hold it.
            env = {
                "PATH": f"{VENV_BIN}:/usr/bin:/bin",
                "HOME": str(tmp_path),
                "LANG": "C.UTF-8",
                "DJANGO_SETTINGS_MODULE": "portal.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "complaints.example.test,127.0.0.1",
                "DATABASE_URL": database.url,
                "WAGTAILADMIN_BASE_URL": SITE,
                "REDIS_URL": REDIS_URL,
                "REDRESS_S3_BUCKET": bucket,
                "REDRESS_S3_ENDPOINT_URL": endpoint,
                "REDRESS_S3_REGION": "eu-west-2",
                "REDRESS_S3_ACCESS_KEY_ID": "test-key",
                "REDRESS_S3_SECRET_ACCESS_KEY": "test-secret",
                "EMAIL_BACKEND": "file",
                "EMAIL_FILE_PATH": str(mail),
                "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
                "REDRESS_RATE_LIMITS": "submit=2/h",
                "STATIC_ROOT": str(tmp_path / "static"),
                "WEB_CONCURRENCY": "2",
                "GUNICORN_TIMEOUT": "120",
            }
            manage(env, "migrate", "--noinput")
            demo = manage(
                env, "load_demo", "--address", SITE + "/", "--cases", "0", "--no-translations"
            ).stdout
            codes = demo.split("backup codes", 1)[1].split(":", 1)[1].split()
            for name in ("a", "b"):
                port = free_port()
                servers[name] = start(
                    ["make", "--no-print-directory", "serve", f"PORT={port}"],
                    env,
                    tmp_path / f"server-{name}.log",
                )
                servers[name].url = f"http://127.0.0.1:{port}"
                # One at a time: each runs collectstatic into the same STATIC_ROOT first.
                wait_for(servers[name].url + "/health/live/", seconds=300, process=servers[name])
            yield {
                "a": servers["a"],
                "b": servers["b"],
                "env": env,
                "mail": mail,
                "database": database,
                "codes": codes,
                "s3": s3,
                "bucket": bucket,
                "logs": tmp_path,
            }
            for server in servers.values():
                stop(server)
    finally:
        for server in servers.values():
            stop(server)
        stop(moto)
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter("redress*"):
            client.delete(key)


WHAT = {
    "description": "Water comes through the bathroom ceiling every time it rains.",
    "issue_month": "3",
    "issue_year": "2026",
    "involves_contractor": "no",
    "outcome_wanted": "Fix the roof and the ceiling.",
}
PREFERENCES = {
    "preferred_contact_method": "email",
    "preferred_language": "en-gb",
    "update_frequency": "weekly",
}


def answer(visitor: Visitor, server: str, *, email: str, files=()) -> None:
    """Every page of the complaint journey up to check your answers, on one server."""
    url = server + "/complain/"
    visitor.get(url + "who/")
    csrf = {"csrfmiddlewaretoken": visitor.cookies["csrftoken"]}
    steps = [
        ("who/", {"for_whom": "myself"}),
        ("what-you-want-to-do/", {"kind": "complaint"}),
        ("what-happened/", WHAT),
        ("support/", {}),
        ("contact-details/", {"full_name": "Rhian Jones", "email": email}),
        ("keeping-in-touch/", PREFERENCES),
    ]
    for step, data in steps:
        upload = [("files", f) for f in files] if step == "what-happened/" else None
        response = visitor.post(url + step, data={**csrf, **data}, files=upload)
        assert response.status_code == 302, (step, response.status_code, response.text[:2000])
    assert response.headers["Location"].endswith("/complain/check-your-answers/")


def submit(visitor: Visitor, server: str) -> "requests.Response":  # noqa: F821
    page = visitor.get(server + "/complain/check-your-answers/")
    assert page.status_code == 200, page.text[:2000]
    fields = form(page.text, containing="token")
    return visitor.post(server + "/complain/check-your-answers/", data=fields)


def cases_for(database: Database, email: str) -> int:
    return database.value(
        "SELECT count(*) FROM casework_case c JOIN casework_person p ON p.id = c.resident_id "
        "WHERE p.email = %s",
        email,
    )


def staff_sign_in(visitor: Visitor, server: str, code: str) -> None:
    """The demo officer's password, then a backup code (the second factor)."""
    login = visitor.get(server + "/admin/login/")
    fields = form(login.text, containing="username")
    response = visitor.post(
        server + "/admin/login/", data={**fields, "username": "officer", "password": PASSWORD}
    )
    assert response.status_code == 302, response.text[:2000]
    backup = server + reverse("twofactor:verify_backup")
    fields = form(visitor.get(backup).text, containing="code")
    response = visitor.post(backup, data={**fields, "code": code})
    assert response.status_code == 302, response.text[:2000]
    assert visitor.get(server + "/admin/").status_code == 200


def test_two_servers_share_everything(stack):
    a, b, db, env = stack["a"].url, stack["b"].url, stack["database"], stack["env"]

    # Both servers ready: database migrated, Redis and the bucket reachable; no personal data.
    for server in (a, b):
        ready = Visitor(address()).get(server + "/health/ready/", headers={"Host": "10.0.0.9"})
        assert ready.status_code == 200, ready.text
        body = ready.json()
        assert body["status"] == "ok"
        assert {"database", "cache", "storage", "outbox", "tasks"} <= set(body["checks"])

    # Static files: hashed names, cacheable for ever, compressed.
    home = Visitor(address()).get(a + "/")
    assert home.status_code == 200
    css = re.search(r'href="(/static/dist/css/redress\.[0-9a-f]{12}\.css)"', home.text)
    assert css, "the stylesheet is not served under a hashed name"
    asset = Visitor(address()).get(b + css.group(1), headers={"Accept-Encoding": "br, gzip"})
    assert asset.status_code == 200
    assert "immutable" in asset.headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", asset.headers["Cache-Control"]).group(1)) >= 31536000
    assert asset.headers.get("Content-Encoding") in {"br", "gzip"}
    assert "Content-Security-Policy" in home.headers
    assert "'unsafe-inline'" not in home.headers["Content-Security-Policy"]

    # A resident raises a complaint with two files through server A.
    email = f"rhian.{secrets.token_hex(3)}@example.net"
    resident = Visitor(address())
    answer(
        resident,
        a,
        email=email,
        files=[("leak.jpg", JPEG, "image/jpeg"), ("report.pdf", PDF, "application/pdf")],
    )
    done = submit(resident, a)
    assert done.status_code == 302 and done.headers["Location"].endswith("/confirmation/")
    case_id = db.value(
        "SELECT c.id FROM casework_case c JOIN casework_person p ON p.id = c.resident_id "
        "WHERE p.email = %s",
        email,
    )
    # The files are in the bucket, under private/, and nowhere public.
    stored = stack["s3"].list_objects_v2(Bucket=stack["bucket"], Prefix="private/cases/")
    assert len([o for o in stored.get("Contents", []) if f"/{case_id}/" in o["Key"]]) == 2
    acl = stack["s3"].get_bucket_acl(Bucket=stack["bucket"])
    assert not [g for g in acl["Grants"] if g["Grantee"].get("Type") == "Group"]

    # Background tasks and the outbox, run by a worker that is neither server.
    manage(env, "db_worker", "--batch", "--no-startup-delay")
    manage(env, "send_outbox")

    # A complaints officer signs in on server B (password and second factor), sees the case
    # and downloads both files.
    officer = Visitor(address())
    staff_sign_in(officer, b, stack["codes"][0])
    detail = officer.get(b + reverse("cases:detail", args=[case_id]))
    assert detail.status_code == 200
    assert "leak.jpg" in detail.text and "report.pdf" in detail.text
    documents = re.findall(rf'href="(/admin/cases/{case_id}/documents/\d+/)"', detail.text)
    downloads = [officer.get(b + path).content for path in dict.fromkeys(documents)]
    assert len(downloads) == 2 and PDF in downloads
    (photo,) = (d for d in downloads if d != PDF)
    assert Image.open(io.BytesIO(photo)).format == "JPEG"
    assert Image.open(io.BytesIO(photo)).size == Image.open(io.BytesIO(JPEG)).size
    # Nobody else can: a visitor without the officer's session is sent to sign in.
    stranger = Visitor(address()).get(b + documents[0], allow_redirects=False)
    assert stranger.status_code == 302 and "/admin/login/" in stranger.headers["Location"]

    # The officer acknowledges the complaint and issues the acknowledgement letter, on B.
    action = b + reverse("cases:action", args=[case_id, "acknowledge"])
    fields = form(officer.get(action).text, containing="definition")
    fields.update(
        definition="A leak through the bathroom ceiling when it rains.",
        outcomes_sought="The roof and ceiling repaired.",
        conflict_of_interest="None",
    )
    response = officer.post(action, data=fields)
    assert response.status_code == 302, response.text[:3000]
    draft = b + reverse("letters:draft", args=[case_id, "stage1_acknowledgement"])
    fields = form(officer.get(draft).text, containing="csrfmiddlewaretoken")
    preview = officer.post(draft, data={**fields, "preview": "1"})
    assert preview.status_code == 200
    fields = form(preview.text, containing="csrfmiddlewaretoken")
    issued = officer.post(draft, data={**fields, "issue": "1"})
    assert issued.status_code == 302, issued.text[:3000]
    assert db.value("SELECT count(*) FROM casework_letter WHERE case_id = %s", case_id) == 1
    manage(env, "db_worker", "--batch", "--no-startup-delay")
    manage(env, "send_outbox")

    # The resident follows the case through server B, signing in with the link emailed to
    # them, and downloads the letter.
    follower = Visitor(address())
    follow = follower.get(b + "/follow/")
    fields = form(follow.text, containing="email")
    assert follower.post(b + "/follow/", data={**fields, "email": email}).status_code == 302
    # The request only queues the look-up; the worker makes the link and the outbox sends it.
    manage(env, "db_worker", "--batch", "--no-startup-delay")
    manage(env, "send_outbox")
    link = sign_in_link(stack["mail"], email)
    fields = form(follower.get(b + link).text, containing="csrfmiddlewaretoken")
    assert follower.post(b + link, data=fields).status_code == 302
    cases = follower.get(b + "/follow/cases/")
    reference = db.value("SELECT reference FROM casework_case WHERE id = %s", case_id)
    assert reference in cases.text
    case_page = follower.get(b + f"/follow/cases/{reference}/")
    resident_documents = re.findall(
        rf'href="(/follow/cases/{reference}/documents/\d+/)"', case_page.text
    )
    letter_id = db.value("SELECT document_id FROM casework_letter WHERE case_id = %s", case_id)
    letter_path = f"/follow/cases/{reference}/documents/{letter_id}/"
    assert letter_path in resident_documents
    letter = follower.get(b + letter_path)
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
    assert {"private", "no-store"} <= set(letter.headers["Cache-Control"].split(", "))

    # The limit on sending complaints (2 an hour here) counts across both servers.
    flood = address()
    for server in (a, b):
        visitor = Visitor(flood)
        answer(visitor, server, email=f"flood.{secrets.token_hex(3)}@example.net")
        assert submit(visitor, server).status_code == 302
    visitor = Visitor(flood)
    third = f"flood.{secrets.token_hex(3)}@example.net"
    answer(visitor, a, email=third)
    refused = submit(visitor, a)
    assert refused.status_code == 429
    assert cases_for(db, third) == 0

    # Server A stops in the middle of a submission: nothing is lost, nothing is half made.
    email = f"kept.{secrets.token_hex(3)}@example.net"
    resident = Visitor(address())
    answer(resident, a, email=email, files=[("damp.jpg", JPEG, "image/jpeg")])
    page = resident.get(a + "/complain/check-your-answers/")
    fields = form(page.text, containing="token")
    body = "&".join(f"{k}={v}" for k, v in fields.items()).encode()
    port = int(a.rsplit(":", 1)[1])
    cookies = "; ".join(f"{c.name}={c.value}" for c in resident.cookies)
    with socket.create_connection(("127.0.0.1", port)) as half_sent:
        half_sent.sendall(
            b"POST /complain/check-your-answers/ HTTP/1.1\r\n"
            + f"Host: 127.0.0.1:{port}\r\nCookie: {cookies}\r\n".encode()
            + f"Origin: https://127.0.0.1:{port}\r\nX-Forwarded-Proto: https\r\n".encode()
            + b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[: len(body) // 2]
        )
        time.sleep(1)
        stop(stack["a"], signal.SIGKILL)
    assert cases_for(db, email) == 0
    retried = resident.post(b + "/complain/check-your-answers/", data=fields)
    assert retried.status_code == 302 and retried.headers["Location"].endswith("/confirmation/")
    assert cases_for(db, email) == 1
    kept = db.value(
        "SELECT count(*) FROM casework_casedocument d JOIN casework_case c ON c.id = d.case_id "
        "JOIN casework_person p ON p.id = c.resident_id WHERE p.email = %s",
        email,
    )
    assert kept == 1
    # Sent again: still one case.
    assert resident.post(b + "/complain/check-your-answers/", data=fields).status_code == 302
    assert cases_for(db, email) == 1

    # Sessions live in the database: the officer signed in on B is still signed in on a new
    # server A (restarted) too.
    restarted = start(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        env,
        stack["logs"] / "server-a2.log",
    )
    try:
        wait_for(a + "/health/live/", seconds=300, process=restarted)
        assert officer.get(a + reverse("cases:detail", args=[case_id])).status_code == 200
        csp_violations = browse_for_csp_violations(a, officer)
    finally:
        stop(restarted)
    assert csp_violations == []

    # The JSON request log says who (by number) and what route, never the resident's email.
    logs = (stack["logs"] / "server-b.log").read_text()
    assert '"route": "/admin/cases/<int:pk>/"' in logs or '"view":' in logs
    assert email not in logs and "Rhian" not in logs and "bathroom ceiling" not in logs


def browse_for_csp_violations(server: str, officer: Visitor) -> list[str]:
    """Public pages and the admin pages a complaints officer uses, in Chromium, collecting
    every Content-Security-Policy violation the console or the page reports.

    Browser tests run earlier in the same test process keep Playwright's sync API, and its
    event loop, open in this thread, so this browsing runs in a thread of its own."""
    outcome = {}

    def browse():
        try:
            outcome["violations"] = browse_in_this_thread(server, officer)
        except BaseException as error:  # handed back to the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=browse)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["violations"]


def browse_in_this_thread(server: str, officer: Visitor) -> list[str]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM

    violations = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
        context.add_init_script(
            "document.addEventListener('securitypolicyviolation', e =>"
            " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text or "CSP violation" in message.text
                else None
            ),
        )
        for path in ("/", "/complain/", "/complain/who/", "/follow/", "/admin/login/"):
            response = page.goto(server + path)
            assert response.status < 400, (path, response.status)
            page.wait_for_load_state("networkidle")
        host = server.split("://", 1)[1].split(":")[0]
        context.add_cookies(
            [
                {"name": c.name, "value": c.value, "domain": host, "path": "/"}
                for c in officer.cookies
            ]
        )
        for path in ("/admin/", "/admin/cases/", "/admin/pages/", "/admin/performance/"):
            response = page.goto(server + path)
            assert response.status < 400, (path, response.status)
            assert "/login/" not in page.url and "/2fa/" not in page.url, page.url
            page.wait_for_load_state("networkidle")
        browser.close()
    return violations


def test_the_readme_deploying_section_runs_what_this_test_runs():
    """The commands and variables above are README "Deploying"'s."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Deploying", 1)[1].split("\n## ", 1)[0]
    for needed in (
        "make serve",
        "manage.py migrate",
        "db_worker",
        "send_outbox",
        "REDIS_URL",
        "REDRESS_S3_BUCKET",
        "REDRESS_S3_ENDPOINT_URL",
        "REDRESS_S3_REGION",
        "REDRESS_S3_ACCESS_KEY_ID",
        "REDRESS_S3_SECRET_ACCESS_KEY",
        "EMAIL_BACKEND=file",
        "EMAIL_FILE_PATH",
        "RATELIMIT_IP_META_KEY",
        "REDRESS_RATE_LIMITS",
        "STATIC_ROOT",
        "WEB_CONCURRENCY",
        "GUNICORN_TIMEOUT",
        "X-Forwarded-Proto",
        "X-Real-IP",
        "/health/ready/",
    ):
        assert needed in section, needed
    assert subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True).returncode == 0
