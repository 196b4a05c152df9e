"""Meetings demo data: rooms and a week of meetings in every state, walked through the
services (so invitations, reminders, minutes and supervision items are real); and
seed_scale() for benchmarks (bulk inserts, no services)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from office.demo import user

from . import services
from .models import Attendance, Meeting, Room

ROOMS = [
    # name, building, capacity, equipment
    ("党组会议室", "行政楼6层", 20, "视频会议终端、录音设备"),
    ("第一会议室", "行政楼3层", 30, "投影仪、视频会议终端"),
    ("第二会议室", "行政楼5层", 12, "电视屏、白板"),
    ("小会议室", "综合楼2层", 6, "白板"),
    ("报告厅", "综合楼1层", 120, "音响、投影仪、同声传译"),
]

# day offset, start, end, room, title, kind, chair, recorder, attendees, agenda, outcome
WEEK = [
    (
        -3,
        "09:00",
        "11:00",
        "党组会议室",
        "主任办公会",
        "office",
        "director",
        "clerk",
        ["sunli", "huangtao", "hugang", "supervisor"],
        [("研究第四季度重点工作", "孙丽"), ("审议办公用房调整方案", "胡刚")],
        "minuted",
    ),
    (
        -2,
        "14:30",
        "16:00",
        "第一会议室",
        "安全生产专题会",
        "topical",
        "director",
        "linna",
        ["leader", "zhengqiang", "sunli", "maxiaoyu"],
        [("通报近期安全检查情况", "张伟"), ("部署冬季消防安全工作", "郑强")],
        "submitted",
    ),
    (
        -1,
        "10:00",
        "11:30",
        "第二会议室",
        "信息化建设协调会",
        "coordination",
        "sunli",
        "clerk",
        ["maxiaoyu", "hugang", "staff"],
        [("电子公文系统升级进度", "马晓雨"), ("机房改造经费安排", "胡刚")],
        "held",
    ),
    (
        1,
        "09:00",
        "10:00",
        "第二会议室",
        "办公室周例会",
        "weekly",
        "director",
        "clerk",
        ["sunli", "linna", "reception", "supervisor", "staff"],
        [("上周工作回顾", "李秀英"), ("本周工作安排", "王建国")],
        "scheduled",
    ),
    (
        2,
        "15:00",
        "16:30",
        "第一会议室",
        "年终总结筹备会",
        "topical",
        "director",
        "linna",
        ["staff", "huangtao", "hugang", "maxiaoyu"],
        [("年终总结材料分工", "林娜"), ("表彰名单征集", "黄涛")],
        "scheduled",
    ),
    (
        3,
        "10:00",
        "11:00",
        "小会议室",
        "节前安全检查部署会",
        "topical",
        "leader",
        "officer",
        ["zhoujie", "wumin"],
        [("检查路线与分工", "张伟")],
        "draft",
    ),
    (
        1,
        "14:00",
        "15:00",
        "党组会议室",
        "值班工作调度会",
        "office",
        "director",
        "clerk",
        ["leader", "zhengqiang"],
        [("春节值班安排", "张伟")],
        "cancelled",
    ),
]

RESOLUTIONS = {
    "主任办公会": [
        ("制定第四季度重点工作任务分解表", "sunli", 7),
        ("完成办公用房调整方案并报主任审定", "hugang", 20),
    ],
    "安全生产专题会": [("完成全楼消防设施检查并形成报告", "zhengqiang", 10)],
}


def _at(offset: int, hhmm: str) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=offset)
    hour, minute = map(int, hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def seed(log) -> None:
    rooms = {}
    for order, (name, building, capacity, equipment) in enumerate(ROOMS):
        rooms[name], _created = Room.objects.get_or_create(
            name=name,
            building=building,
            defaults={"capacity": capacity, "equipment": equipment, "order": order},
        )
    hall = rooms["报告厅"]
    if not hall.needs_approval:  # MRBS-style rules on the big hall
        hall.needs_approval, hall.approver = True, user("director")
        hall.opens_at, hall.closes_at, hall.max_days_ahead = datetime.time(8), datetime.time(21), 60
        hall.save()
    with transaction.atomic():
        if Meeting.objects.filter(title=WEEK[0][4]).exists():
            log("meetings: demo week already there")
        else:
            for row in WEEK:
                _seed_meeting(rooms, *row)
            log(f"meetings: {len(rooms)} rooms, {len(WEEK)} meetings")
        _seed_afterwards()
        _seed_hall_booking(hall)


AFTERWARDS_TITLE = "与市政府办公厅电话会商"


def _seed_afterwards() -> None:
    """补录: a phone conference with the leaders, entered the next day, minutes approved."""
    if Meeting.objects.filter(title=AFTERWARDS_TITLE).exists():
        return
    data = services.MeetingData(
        title=AFTERWARDS_TITLE,
        kind="coordination",
        chair=user("director"),
        recorder=user("clerk"),
        start=_at(-2, "17:00"),
        end=_at(-2, "17:40"),
        place="主任办公室（电话会议）",
        required=[user("hugang")],
        agenda=[{"title": "春节期间值班衔接", "presenter": "王建国"}],
    )
    meeting = services.meeting_record_afterwards(
        data=data, present=[user("director"), user("clerk"), user("sunli")], by=user("clerk")
    )
    services.attendance_record(
        meeting_id=meeting.pk,
        by=user("clerk"),
        presence={user("hugang").pk: "excused"},
        reasons={user("hugang").pk: "下基层调研"},
    )
    item = meeting.agenda_items.first()
    services.minutes_save(
        meeting_id=meeting.pk,
        by=user("clerk"),
        summary="市政府办公厅来电，就春节期间值班衔接进行会商。",
        items={item.pk: ("双方通报了值班安排。", "建立节日值班信息互通机制。")},
        resolutions=[
            services.ResolutionData(
                content="报送春节值班表至市政府办公厅",
                owner=user("sunli"),
                deadline=timezone.localdate() + datetime.timedelta(days=5),
            )
        ],
    )
    services.minutes_submit(meeting_id=meeting.pk, by=user("clerk"))
    services.minutes_approve(minutes_id=meeting.minutes.pk, by=user("director"))


HALL_TITLE = "全体职工大会"


def _seed_hall_booking(hall: Room) -> None:
    """A booking of the hall that awaits its approver (the director)."""
    if Meeting.objects.filter(title=HALL_TITLE).exists():
        return
    data = services.MeetingData(
        title=HALL_TITLE,
        kind="other",
        chair=user("director"),
        recorder=user("staff"),
        start=_at(4, "14:30"),
        end=_at(4, "16:00"),
        room=hall,
        required=[user("sunli"), user("clerk")],
    )
    services.meeting_create(data=data, by=user("staff"))


def _seed_meeting(
    rooms, offset, start, end, room, title, kind, chair, recorder, people, agenda, outcome
) -> None:
    organiser = user("clerk")
    data = services.MeetingData(
        title=title,
        kind=kind,
        chair=user(chair),
        recorder=user(recorder),
        start=_at(offset, start),
        end=_at(offset, end),
        room=rooms[room],
        required=[user(name) for name in people],
        agenda=[{"title": t, "presenter": p} for t, p in agenda],
        guests=[("赵明", "市应急管理局")] if kind == "topical" else [],
    )
    [meeting] = services.meeting_create(data=data, by=organiser, schedule=outcome != "draft")
    if outcome == "cancelled":
        services.meeting_cancel(meeting_id=meeting.pk, by=organiser, reason="与市里会议时间冲突")
        return
    if outcome in ("draft", "scheduled"):
        first = meeting.attendances.exclude(user=meeting.chair).first()
        if outcome == "scheduled" and first:
            services.invitation_reply(meeting_id=meeting.pk, user=first.user, response="accepted")
        return
    # Replies came in before the meeting; the services refuse replies once it is over, so
    # the demo writes them directly (a reply is not a workflow status).
    excused = meeting.attendances.last()
    meeting.attendances.exclude(pk=excused.pk).update(
        response=Attendance.Response.ACCEPTED, responded_at=meeting.start
    )
    meeting.attendances.filter(pk=excused.pk).update(
        response=Attendance.Response.DECLINED, reason="外出参加市里会议", responded_at=meeting.start
    )
    services.meeting_mark_held(meeting_id=meeting.pk, by=organiser)
    people = list(meeting.attendances.exclude(pk=excused.pk).exclude(user=meeting.recorder))
    presence = {a.user_id: "present" for a in meeting.attendances.all()}
    presence[excused.user_id] = "excused"
    if outcome == "held" and len(people) >= 3:  # every kind of attendance on one meeting
        presence[people[1].user_id] = "absent"
        presence[people[2].user_id] = "observer"
    services.attendance_record(
        meeting_id=meeting.pk,
        by=meeting.recorder,
        presence=presence,
        reasons={excused.user_id: "外出参加市里会议"},
    )
    # Sign-in by the code happens only in its window; the demo writes it like the replies.
    meeting.attendances.filter(user_id=people[0].user_id if people else None).update(
        presence=Attendance.Presence.SIGNED_IN,
        signed_in_at=meeting.start - datetime.timedelta(minutes=4),
    )
    items = {
        item.pk: ("与会人员进行了认真讨论。", "原则同意，按分工抓好落实。")
        for item in meeting.agenda_items.all()
    }
    resolutions = [
        services.ResolutionData(
            content=content,
            owner=user(owner),
            deadline=timezone.localdate() + datetime.timedelta(days=days),
        )
        for content, owner, days in RESOLUTIONS.get(title, [])
    ]
    services.minutes_save(
        meeting_id=meeting.pk,
        by=meeting.recorder,
        summary=f"{meeting.chair}主持召开{title}，听取汇报并研究部署相关工作。",
        items=items,
        resolutions=resolutions,
    )
    if outcome == "held":
        return
    services.minutes_submit(meeting_id=meeting.pk, by=meeting.recorder)
    if outcome == "minuted":
        services.minutes_approve(minutes_id=meeting.minutes.pk, by=meeting.chair)


SLOTS = [(9, 0), (11, 0), (14, 30), (16, 30)]


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` scale meetings over 20 rooms, four a day each (the first
    run puts half in the past, half ahead; later runs add the missing ones after the last);
    returns how many were added."""
    from office.models import User

    rooms = []
    for i in range(20):
        room, _created = Room.objects.get_or_create(
            name=f"规模测试会议室{i + 1:02d}", building="测试楼", defaults={"capacity": 20}
        )
        rooms.append(room)
    scale = Meeting.objects.filter(room__in=rooms)
    existing = scale.count()
    if existing >= count:
        log(f"meetings: {existing} scale meetings already there")
        return 0
    clerk, director = user("clerk"), user("director")
    people = list(User.objects.filter(is_active=True).exclude(username="admin"))
    rng = random.Random(5)
    per_room = -(-count // len(rooms))
    first_day = timezone.localdate() - datetime.timedelta(days=per_room // len(SLOTS) // 2)
    if existing:  # continue the same grid: meeting i sits where the first run would put it
        first_day = timezone.localdate(scale.order_by("start").first().start)
    now = timezone.now()
    meetings = []
    for i in range(existing, count):
        slot = i // len(rooms)
        day = first_day + datetime.timedelta(days=slot // len(SLOTS))
        hour, minute = SLOTS[slot % len(SLOTS)]
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        meetings.append(
            Meeting(
                title=f"工作例会第{i + 1}次",
                kind=Meeting.Kind.WEEKLY,
                status=Meeting.Status.MINUTED if start < now else Meeting.Status.SCHEDULED,
                organiser=clerk,
                chair=director,
                recorder=clerk,
                room=rooms[i % len(rooms)],
                start=start,
                end=start + datetime.timedelta(hours=1, minutes=30),
            )
        )
    created = Meeting.objects.bulk_create(meetings, batch_size=2000)
    attendances = [
        Attendance(meeting=meeting, user=person)
        for meeting in created
        for person in rng.sample(people, 3)
    ]
    Attendance.objects.bulk_create(attendances, batch_size=5000, ignore_conflicts=True)
    log(f"meetings: {len(created)} scale meetings, {len(attendances)} attendances")
    return len(created)
