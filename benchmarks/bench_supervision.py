"""Supervision at scale: 10,000 items, then the board (plain, filtered, deep page) and the
statistics as the director (sees all) and a member of staff (scoped) see them, plus the
monthly circular (rendered once as the worker does, then downloaded); queries per page too."""

import os

from benchmarks.common import client_for, get_ok, median_seconds, report, setup_django

ITEMS = int(os.environ.get("BENCH_SUPERVISION_ITEMS", "10000"))


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.timezone import localdate, now

    from office.demo import seed as seed_office
    from office.models import Department, User
    from supervision.demo import seed, seed_scale
    from supervision.models import Task
    from supervision.statistics import month_start

    seed_office(lambda message: None)
    seed(lambda message: None)
    seed_scale(ITEMS, print)  # makes sure there are ITEMS
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE supervision_task")
    director, staff = client_for("director"), client_for("hugang")
    month = f"{localdate():%Y-%m}"
    finance = Department.objects.get(code="finance").pk
    last = month_start(localdate(), back=1)
    pages = [
        ("board, page 1", director, "/supervision/"),
        ("board, page 100", director, "/supervision/?page=100"),
        ("board, red lights", director, "/supervision/?light=red"),
        ("board, department + month", director,
         f"/supervision/?department={finance}&month={month}"),
        ("board, search '督办'", director, "/supervision/?q=%E7%9D%A3%E5%8A%9E"),
        ("board, htmx filter", director, "/supervision/?status=in_progress"),
        ("board, staff's own", staff, "/supervision/"),
        ("statistics, all", director, "/supervision/statistics/"),
        ("statistics, one month", director, f"/supervision/statistics/?month={month}"),
        ("statistics, staff's own", staff, "/supervision/statistics/"),
        ("circular PDF download (stored)", director,
         f"/supervision/circular/{last.year}/{last.month}/pdf/"),
    ]  # fmt: skip
    import time

    from supervision.models import Circular
    from supervision.services.circulars import circular_render

    # The worker's part: render last month's circular once (it is stored, then downloaded).
    circular, _new = Circular.objects.update_or_create(
        month=last,
        defaults={"requested_by": User.objects.get(username="director"), "requested_at": now()},
    )
    started = time.perf_counter()
    circular_render(circular_id=circular.pk)
    render_seconds = time.perf_counter() - started
    items = Task.objects.filter(deadline__year=last.year, deadline__month=last.month).count()
    rows = [(f"circular render in the worker ({items} items due that month)", render_seconds)]
    for name, client, url in pages:
        headers = {"HTTP_HX_REQUEST": "true"} if "htmx" in name else {}
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            get_ok(client, url) if not headers else client.get(url, **headers)
        repeat = 3 if "PDF" in name else 7
        seconds = median_seconds(lambda c=client, u=url, h=headers: c.get(u, **h), repeat=repeat)
        rows.append((f"{name} [{len(captured)} queries]", seconds))
    report(f"Supervision at {Task.objects.count():,} items", rows)


if __name__ == "__main__":
    main()
