"""gunicorn's settings for `make serve` (README, "Deploying"), from the environment.

gunicorn reads this file from the working directory by itself.
"""

import multiprocessing
import os

# Behind a reverse proxy on the same machine by default; BIND_ADDRESS=0.0.0.0 behind a load
# balancer elsewhere.
bind = f"{os.environ.get('BIND_ADDRESS', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Synchronous workers: each handles one request at a time, so a slow upload holds only one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Seconds a request may take (an upload of several files on a slow line, a PDF) before its
# worker is restarted, and how long a stopping worker may finish what it is doing.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests, so no leak grows for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
# The site logs each request itself, as JSON (portal/observability.py); gunicorn's own
# messages go to standard error.
accesslog = None
errorlog = "-"
# The proxy in front says which requests came over HTTPS (X-Forwarded-Proto); gunicorn trusts
# it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "portal.wsgi:application"
