"""Shared set-up for benchmarks: a separate database, seeding at scale, timing with medians.

Run one with `scripts/services.sh start && .venv/bin/python -m benchmarks.bench_pdf`; each
prints its figures as a small table. Benchmarks measure; tests never assert wall-clock times.
"""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database: str = "office_bench") -> None:
    """Point Django at a benchmark database on the local cluster (created and migrated)."""
    env = dict(os.environ)
    out = subprocess.run(
        [str(ROOT / "scripts" / "services.sh"), "env"], capture_output=True, text=True, check=True
    ).stdout
    for line in out.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        env.setdefault(key, value)
    url = env["DATABASE_URL"].rsplit("/", 1)[0] + f"/{database}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("REDIS_URL", env["REDIS_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "office.settings")
    os.environ["DEBUG"] = "true"
    sys.path.insert(0, str(ROOT))
    import psycopg2

    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("select 1 from pg_database where datname = %s", [database])
        if not cursor.fetchone():
            cursor.execute(f'create database "{database}"')
    admin.close()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def median_seconds(fn, *, repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def client_for(username: str):
    from django.test import Client

    from office.models import User

    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.force_login(User.objects.get(username=username))
    return client


def get_ok(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def report(title: str, rows: list[tuple[str, float]]) -> None:
    print(f"\n{title}")
    for name, seconds in rows:
        print(f"  {name:<50} median {seconds * 1000:8.1f} ms")
