"""Leaders' schedule demo data: the county head and his deputy on the office's list, a week of
activities around the moment of loading (调研, 会见, 外出 in each visibility), the week
published, a change after publishing (变更, not yet published again) and a confirmed clash.

Through the services (audit, clash check); idempotent: a second run adds nothing."""

import datetime

from django.utils import timezone

from office.demo import DEMO_PASSWORD
from office.models import Department, User

from . import selectors, services
from .models import Entry, Visibility

MARK = "（演示）"


def _leader_user(username: str, name: str, title: str) -> User:
    department, _created = Department.objects.get_or_create(
        code="county-leaders", defaults={"name": "县政府领导", "order": 0}
    )
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"name": name, "title": title, "department": department},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _at(monday: datetime.date, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(
            monday + datetime.timedelta(days=day), datetime.time(hour, minute)
        )
    )


def seed(log) -> None:
    if Entry.objects.filter(title__endswith=MARK).exists():
        log("schedule: demo data already present")
        return
    clerk = User.objects.get(username="clerk")
    county = services.leader_add(
        user=_leader_user("xianzhang", "李国华", "县长"), title="县长", order=1, by=clerk
    )
    deputy = services.leader_add(
        user=_leader_user("fuxianzhang", "赵文斌", "副县长"), title="副县长", order=2, by=clerk
    )
    office = Department.objects.filter(code="office").first()
    monday = selectors.week_of(timezone.localdate())

    def add(leader, day, hour, hours, kind, title, place, visibility, week=None):
        start = _at(week or monday, day, hour)
        return services.entry_create(
            data=services.EntryData(
                leader=leader,
                kind=kind,
                title=title + MARK,
                start=start,
                end=start + datetime.timedelta(hours=hours),
                place=place,
                department=office,
                visibility=visibility,
            ),
            by=clerk,
            confirm_clash=True,  # other apps' demo data may fall on the same hours
        )

    K = Entry.Kind
    add(county, 0, 9, 3, K.RESEARCH, "调研秋冬季农业生产", "城关镇", Visibility.PUBLIC)
    add(
        county,
        1,
        15,
        1,
        K.MEETING_WITH,
        "会见省农业农村厅调研组",
        "县政府二楼会见厅",
        Visibility.INTERNAL,
    )
    add(deputy, 2, 8, 10, K.OUTING, "赴市参加全市安全生产工作会议", "市政府", Visibility.PUBLIC)
    add(deputy, 3, 14, 2, K.OTHER, "个人事务（请假半天）", "", Visibility.OFFICE)
    add(county, 4, 9, 2, K.RESEARCH, "调研重点项目建设", "县经济开发区", Visibility.PUBLIC)
    services.week_publish(monday=monday, by=clerk)
    # After publishing: a clash the clerk confirmed, left for publishing again (变更).
    add(
        county,
        4,
        10,
        1,
        K.MEETING_WITH,
        "会见投资企业代表",
        "县政府一楼会议室",
        Visibility.PUBLIC,
    )
    # Next week is planned, not yet published.
    add(
        county,
        0,
        9,
        2,
        K.RESEARCH,
        "调研冬季供暖保障",
        "热力公司",
        Visibility.PUBLIC,
        week=monday + datetime.timedelta(days=7),
    )
    log(f"schedule: leaders {county}, {deputy}; week of {monday} published, one clash")
