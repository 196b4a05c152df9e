"""Reception at scale: seed 200,000 visits, then time the day board, the log, the export and
the daily summary as the receptionist sees them; report queries per page as well."""

import os

from benchmarks.common import client_for, get_ok, median_seconds, report, setup_django

VISITS = int(os.environ.get("BENCH_RECEPTION_VISITS", "200000"))


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.timezone import localdate

    from office.demo import seed as seed_office
    from reception.demo import seed_scale
    from reception.models import Visit, Visitor

    seed_office(lambda message: None)
    seed_scale(VISITS, print)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reception_visit; ANALYZE reception_visitor")
    desk, host = client_for("reception"), client_for("staff")
    today = localdate().isoformat()
    audit_org = "/reception/log/?organisation=%E5%AE%A1%E8%AE%A1"  # 审计
    one_day = f"date_from={today}&date_to={today}"
    pages = [
        ("day board (today)", desk, "/reception/"),
        ("day board live search '张'", desk, "/reception/?q=%E5%BC%A0"),
        ("visitor log, page 1", desk, "/reception/log/"),
        ("visitor log, page 200", desk, "/reception/log/?page=200"),
        ("visitor log, organisation filter", desk, audit_org),
        ("visitor log, host's own", host, "/reception/log/"),
        ("daily summary", desk, f"/reception/summary/?date={today}"),
        ("export .xlsx, one day", desk, f"/reception/log/export.xlsx?{one_day}"),
    ]  # fmt: skip
    rows = []
    for name, client, url in pages:
        connection.queries_log.clear()  # DEBUG is on here: start the count from zero
        with CaptureQueriesContext(connection) as captured:
            get_ok(client, url)
        seconds = median_seconds(lambda c=client, u=url: get_ok(c, u), repeat=5)
        rows.append((f"{name} [{len(captured)} queries]", seconds))
    report(
        f"Reception at {Visit.objects.count():,} visits / {Visitor.objects.count():,} visitors",
        rows,
    )


if __name__ == "__main__":
    main()
