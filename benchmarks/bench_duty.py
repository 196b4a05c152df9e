"""Duty at scale: the month grid with 50 people, the log at 100,000 entries, the PDFs."""

import time

from benchmarks.common import client_for, get_ok, median_seconds, report, setup_django

LOG_ENTRIES = 100_000


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from duty import demo
    from duty.models import Handover, LogEntry
    from office import demo as office_demo

    started = time.perf_counter()
    office_demo.seed(print)
    demo.seed(print)
    demo.seed_scale(LOG_ENTRIES, print)
    print(
        f"seeded in {time.perf_counter() - started:.1f} s; log entries: {LogEntry.objects.count()}"
    )

    month = demo.scale_month().strftime("%Y-%m")
    client = client_for("leader")
    urls = {
        "roster month grid (5 posts, 50 people)": f"/duty/roster/?month={month}",
        f"duty log, first page ({LOG_ENTRIES:,} entries)": "/duty/log/",
        "duty log, page 500, kind filter": "/duty/log/?kind=phone&page=500",
        "duty log, text search": "/duty/log/?q=%E6%9D%A5%E7%94%B5",
        "roster spreadsheet": f"/duty/roster/xlsx/?month={month}",
    }
    handover = Handover.objects.filter(status="accepted").order_by("-pk").first()
    urls["handover record PDF"] = f"/duty/handovers/{handover.pk}/pdf/"
    rows, queries = [], []
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as captured:
            get_ok(client, url)
        queries.append((name, len(captured.captured_queries)))
        rows.append((name, median_seconds(lambda url=url: get_ok(client, url), repeat=5)))
    from duty.exports import roster_pdf
    from office.models import User

    leader = User.objects.get(username="leader")
    rows.append(
        (
            "roster PDF in the worker (landscape, one month)",
            median_seconds(lambda: roster_pdf(user=leader, month=month), repeat=3),
        )
    )
    report("Duty pages (median of 5, warm)", rows)
    print("\nQueries per page")
    for name, count in queries:
        print(f"  {name:<50} {count:4d}")


if __name__ == "__main__":
    main()
