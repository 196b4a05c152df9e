"""`make bench`: the portal as it is served, at scale, under a real load generator.

    BENCH_DOCUMENTS=100000 .venv/bin/python -m benchmarks.http_bench

Makes sure the benchmark database (office_bench_<N> on the local run cluster) holds N incoming
documents (N/4 outgoing, N/10 supervision items, N/5 meetings, the demo week), collects the
static files into a temporary STATIC_ROOT, starts gunicorn with production settings (DEBUG off,
2 workers), logs in once as each demo user and drives every page with wrk (4 connections) behind
the headers a TLS-terminating proxy sends. Prints requests per second, the ratio to the login
page measured in the same run, and the 95th percentile latency; writes the same figures as JSON
to benchmarks/results/. The machine is shared: compare ratios, not raw figures.

Environment: BENCH_DOCUMENTS (100000), BENCH_SECONDS per page (10), BENCH_CONNECTIONS (4),
BENCH_WORKERS (2), BENCH_PAGES (keys to run, comma-separated), BENCH_CODE (a checkout whose code
is served, e.g. a worktree of an older commit; default this one).
"""

import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg2
import requests

ROOT = Path(__file__).resolve().parent.parent
HOST = "office.example.org"
PASSWORD = "demo12345"

# key, label (as in issue 17), user (None: anonymous), path
PAGES = [
    ("login", "login page (anonymous)", None, "/accounts/login/"),
    ("home", "home with the to-do inbox (clerk)", "clerk", "/"),
    ("incoming", "incoming list (clerk)", "clerk", "/documents/incoming/"),
    ("incoming_p200", "incoming list, page 200", "clerk", "/documents/incoming/?page=200"),
    ("search", "search 会议 (staff)", "staff", "/documents/search/?q=会议"),
    ("supervision", "supervision board", "supervisor", "/supervision/"),
    ("statistics", "supervision statistics", "supervisor", "/supervision/statistics/"),
    ("meetings", "meetings list", "clerk", "/meetings/"),
    ("board", "room week board", "clerk", "/meetings/board/"),
    ("duty", "duty home (leader)", "leader", "/duty/"),
    ("reception", "reception desk", "reception", "/reception/"),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cluster_url() -> str:
    out = subprocess.run(
        [str(ROOT / "scripts" / "services.sh"), "env"], capture_output=True, text=True, check=True
    ).stdout
    found = dict(line.removeprefix("export ").split("=", 1) for line in out.splitlines())
    return found["DATABASE_URL"].rsplit("/", 1)[0]


def ensure_database(server: str, name: str) -> None:
    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("select 1 from pg_database where datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'create database "{name}"')
    admin.close()


def table_counts(url: str) -> dict:
    tables = {
        "incoming": "documents_incomingdocument",
        "outgoing": "documents_outgoingdocument",
        "supervision": "supervision_task",
        "meetings": "meetings_meeting",
    }
    connection = psycopg2.connect(url)
    counts = {}
    with connection.cursor() as cursor:
        for key, table in tables.items():
            cursor.execute(f"select count(*) from {table}")
            counts[key] = cursor.fetchone()[0]
    connection.close()
    return counts


def manage(code: Path, env: dict, *args: str) -> None:
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *args], cwd=code, env=env, check=True)
    log(f"  manage.py {' '.join(args)}: {time.monotonic() - started:.0f} s")


def prepare(code: Path, env: dict, url: str, documents: int) -> dict:
    """Migrate and seed up to the wanted size (idempotent: a second run adds nothing)."""
    manage(code, env, "migrate", "--verbosity", "0")
    before = table_counts(url)
    manage(code, env, "seed_demo")
    sizes = {
        "documents": documents,
        "supervision": max(documents // 10, 1),
        "meetings": max(documents // 5, 1),
    }
    manage(code, env, "seed_scale", *[f"--{key}={value}" for key, value in sizes.items()])
    after = table_counts(url)
    # Always: the demo re-dates its records on each load, and stale statistics gave plans a
    # served database (autovacuum) would not use (a 90 ms sequential scan on the home page).
    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        started = time.monotonic()
        cursor.execute("vacuum analyze" if after != before else "analyze")
        log(f"  vacuum analyze: {time.monotonic() - started:.0f} s")
    connection.close()
    return after


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(code: Path, env: dict, workers: int):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "office.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--error-logfile", "-"],
        cwd=code,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(base + "/healthz", timeout=10)
            return process, base
        except requests.RequestException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise SystemExit("gunicorn did not start") from None
            time.sleep(0.3)


def proxy_headers(cookie: str = "") -> dict:
    # What the TLS-terminating proxy forwards: the public host name and the browser's scheme.
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Language": "zh-hans"}
    if cookie:
        headers["Cookie"] = cookie
    return headers


def log_in(base: str, username: str) -> str:
    """One real sign-in (PBKDF2 is slow on purpose); the session cookie is reused after."""
    page = requests.get(base + "/accounts/login/", headers=proxy_headers(), timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    posted = requests.post(
        base + "/accounts/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={
            **proxy_headers(f"csrftoken={page.cookies['csrftoken']}"),
            "Referer": f"https://{HOST}/accounts/login/",
            "Origin": f"https://{HOST}",
        },
        allow_redirects=False,
        timeout=30,
    )
    if posted.status_code != 302 or "sessionid" not in posted.cookies:
        raise SystemExit(f"could not log in as {username}: {posted.status_code}")
    # Both cookies, as a browser sends them: a page with a form is kept per CSRF secret
    # (office.datacache), and logging in rotates the secret.
    csrf = posted.cookies.get("csrftoken") or page.cookies["csrftoken"]
    return f"sessionid={posted.cookies['sessionid']}; csrftoken={csrf}"


def check_page(base: str, path: str, cookie: str) -> None:
    for _ in range(3):  # also warms the workers' caches
        response = requests.get(
            base + path, headers=proxy_headers(cookie), allow_redirects=False, timeout=60
        )
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:500]}")


def run_wrk(base: str, path: str, cookie: str, seconds: int, connections: int) -> dict:
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections)]
    command += [
        "-d",
        f"{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(ROOT / "benchmarks" / "wrk_report.lua"),
    ]
    for key, value in proxy_headers(cookie).items():
        command += ["-H", f"{key}: {value}"]
    url = base + urllib.parse.quote(path, safe="/?=&")
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    return figures


def print_table(documents: int, counts: dict, rows: list) -> None:
    size = f"{documents // 1000} k" if documents >= 1000 else str(documents)
    print(
        f"\n{counts['incoming']} incoming + {counts['outgoing']} outgoing documents, "
        f"{counts['supervision']} supervision items, {counts['meetings']} meetings\n"
    )
    print(f"| page | req/s at {size} docs | ratio | p95 ms |")
    print("|---|---|---|---|")
    for row in rows:
        errors = f" ({row['non_2xx_3xx']} errors)" if row["non_2xx_3xx"] else ""
        print(
            f"| {row['label']} | {row['rps']:.0f} | {row['ratio']:.2f} | "
            f"{row['p95_us'] / 1000:.0f}{errors} |"
        )


def main() -> int:
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: scripts/bootstrap.sh installs it (apt-get install wrk)")
    documents = int(os.environ.get("BENCH_DOCUMENTS", "100000"))
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "4"))
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    wanted = [key for key in os.environ.get("BENCH_PAGES", "").split(",") if key]
    code = Path(os.environ.get("BENCH_CODE", ROOT)).resolve()
    server = cluster_url()
    database = f"office_bench_{documents}"
    ensure_database(server, database)
    static_root = Path(tempfile.mkdtemp(prefix="office-bench-static-"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DEBUG="false",
        SECRET_KEY="benchmark-only-" + "k" * 50,
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"{server}/{database}",
        STATIC_ROOT=str(static_root),
        PYTHONPATH=str(code),
    )
    log(f"preparing {database} ({code})")
    counts = prepare(code, env, env["DATABASE_URL"], documents)
    manage(code, env, "collectstatic", "--noinput", "--verbosity", "0")
    process, base = start_gunicorn(code, env, workers)
    rows = []
    try:
        cookies = {None: ""}
        for _key, _label, username, _path in PAGES:
            if username not in cookies:
                cookies[username] = log_in(base, username)
        for key, label, username, path in PAGES:
            if wanted and key not in wanted and key != "login":
                continue
            check_page(base, path, cookies[username])
            figures = run_wrk(base, path, cookies[username], seconds, connections)
            rows.append({"key": key, "label": label, "user": username, "path": path, **figures})
            log(f"  {label}: {figures['rps']:.0f} req/s, p95 {figures['p95_us'] / 1000:.0f} ms")
    finally:
        process.terminate()
        process.wait(30)
        shutil.rmtree(static_root, ignore_errors=True)
    login_rps = rows[0]["rps"]
    for row in rows:
        row["ratio"] = row["rps"] / login_rps
    print_table(documents, counts, rows)
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=code, capture_output=True, text=True
    ).stdout.strip()
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = results / f"http-{documents}-{revision or 'unknown'}-{stamp}.json"
    meta = {"documents": documents, "counts": counts, "code": str(code), "revision": revision}
    meta |= {"seconds": seconds, "connections": connections, "workers": workers}
    target.write_text(json.dumps({**meta, "pages": rows}, ensure_ascii=False, indent=2))
    print(f"\nwritten to {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
