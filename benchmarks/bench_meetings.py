"""Meetings at scale: the booking board (week and day) and the meeting list with 20,000
meetings, with their query counts, and the minutes PDF (会议纪要)."""

import time

from benchmarks.common import client_for, get_ok, median_seconds, report, setup_django

COUNT = 20_000


def main() -> None:
    setup_django("meetings_bench")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meetings import demo
    from meetings.models import Meeting
    from office.demo import seed as seed_office

    started = time.perf_counter()
    seed_office(print)
    demo.seed_scale(COUNT, print)
    print(f"seeded in {time.perf_counter() - started:.1f} s; {Meeting.objects.count()} meetings")

    clerk, staff = client_for("clerk"), client_for("staff")
    pages = [
        ("week board (clerk)", clerk, "/meetings/board/"),
        ("day board (clerk)", clerk, "/meetings/board/?view=day"),
        ("meeting list, all 20,000 in scope (clerk)", clerk, "/meetings/?when=all"),
        ("meeting list, upcoming (staff)", staff, "/meetings/"),
        ("meeting list, search 例会 (clerk)", clerk, "/meetings/?when=all&q=例会"),
    ]
    rows = []
    for name, client, url in pages:
        with CaptureQueriesContext(connection) as queries:
            get_ok(client, url)
        rows.append(
            (
                f"{name} [{len(queries)} queries]",
                median_seconds(lambda c=client, u=url: get_ok(c, u)),
            )
        )
    report(f"Meetings pages at {COUNT:,} meetings", rows)

    meeting = _minutes_meeting()
    url = f"/meetings/{meeting.pk}/minutes/pdf/"
    report(
        "Minutes PDF (会议纪要, 6 agenda items, 8 resolutions)",
        [("GET minutes PDF", median_seconds(lambda: get_ok(clerk, url), repeat=5))],
    )


def _minutes_meeting():
    """One minuted scale meeting with full minutes (idempotent)."""
    import datetime

    from django.utils import timezone

    from meetings.models import AgendaItem, Meeting, Minutes, Resolution
    from office.demo import user

    meeting = Meeting.objects.filter(status="minuted", room__building="测试楼").first()
    if not meeting.agenda_items.exists():
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                order=i,
                title=f"第{i}项议题：研究部署重点工作",
                presenter="孙丽",
                discussion="与会人员围绕工作进度、存在问题和下一步安排进行了充分讨论。" * 3,
                decisions="原则同意，请相关部门按分工抓好落实。",
            )
            for i in range(1, 7)
        )
    minutes, _created = Minutes.objects.get_or_create(
        meeting=meeting,
        defaults={
            "status": "approved",
            "summary": "会议听取了各部门工作汇报，研究部署了下一阶段重点工作。",
            "approved_by": user("director"),
            "approved_at": timezone.now(),
        },
    )
    if not minutes.resolutions.exists():
        Resolution.objects.bulk_create(
            Resolution(
                minutes=minutes,
                order=i,
                content=f"落实第{i}项决定事项",
                owner=user("sunli"),
                deadline=timezone.localdate() + datetime.timedelta(days=7 * i),
            )
            for i in range(1, 9)
        )
    return meeting


if __name__ == "__main__":
    main()
