"""Demo data for the duty app: a month's roster, log, incidents, spending and handovers."""

from datetime import time, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.timezone import localdate, now

from duty.models import (
    Assignment,
    Handover,
    LogEntry,
    Post,
    Shift,
    ShiftTemplate,
)
from office.demo import user

POSTS = [("总值班室", "办公楼一层，24小时值守"), ("应急值守", "突发事件应急值守")]
TEMPLATES = [("白班", time(8), time(20)), ("夜班", time(20), time(8))]

LOG_LINES = [
    ("phone", "市应急管理局来电，询问本周防汛值守安排", "将值守安排表报送市应急管理局"),
    ("visitor", "外单位人员来访，已登记并联系接待科", ""),
    ("instruction", "主任指示：夜间加强机房巡查", "凌晨2点前完成机房巡查并记录"),
    ("phone", "信息中心报告网络线路短暂中断，已恢复", ""),
    ("other", "完成办公楼夜间安全巡查，门窗已关闭", ""),
    ("phone", "财务处询问值班开支报销流程", ""),
]
INCIDENTS = [
    ("三楼会议室空调漏水", "general", "已通知物业维修，地面已清理"),
    ("地下车库道闸故障", "major", "车辆临时人工放行"),
    ("机房UPS告警，市电中断", "serious", "已启用备用电源，通知信息中心抢修"),
]
SPENDING = [
    (Decimal("86.50"), "夜班值班人员工作餐", False),
    (Decimal("1280.00"), "紧急采购防汛沙袋", True),
    (Decimal("3600.00"), "更换值班室对讲机电池组", False),
    (Decimal("320.00"), "打印耗材", False),
]


def _setup():
    posts = [
        Post.objects.get_or_create(name=name, defaults={"description": text, "order": i})[0]
        for i, (name, text) in enumerate(POSTS)
    ]
    templates = [
        ShiftTemplate.objects.get_or_create(
            name=name, defaults={"start_time": start, "end_time": end, "order": i}
        )[0]
        for i, (name, start, end) in enumerate(TEMPLATES)
    ]
    return posts, templates


def seed(log) -> None:
    from duty.services.roster import roster_generate

    posts, templates = _setup()
    main = posts[0]
    if Shift.objects.filter(post=main).exists():
        log("duty: demo roster already present")
        return
    leader, director = user("leader"), user("director")
    today = localdate()
    first_day = today - timedelta(days=14)
    # The rotation is started so that `leader` and `officer` are on the shift running now,
    # whatever the hour: they can log in and keep its log, and the shifts either side are
    # zhengqiang's with zhoujie or wumin (demo logins too) to hand over from and to.
    now_slot = _slot_now(first_day, templates)
    leaders = _rotated([leader, user("zhengqiang")], now_slot)
    officers = _rotated([user("officer"), user("zhoujie"), user("wumin")], now_slot)
    with transaction.atomic():
        result = roster_generate(
            post=main,
            templates=templates,
            first_day=first_day,
            last_day=today + timedelta(days=16),
            leaders=leaders,
            officers=officers,
            officers_per_shift=1,
            by=director,
        )
        _seed_past_shifts(main, leader)
    log(f"duty: {result.shifts} shifts, {result.assignments} assignments, demo log and handovers")


def _slot_now(first_day, templates) -> int:
    """The index, in roster_generate's order (day by day, templates in order), of the shift
    that is running now."""
    ordered = sorted(templates, key=lambda t: (t.order, t.start_time))
    moment = now()
    for back in (0, 1):  # a night shift that began yesterday
        day = localdate() - timedelta(days=back)
        for index, template in enumerate(ordered):
            starts_at, ends_at = template.bounds_on(day)
            if starts_at <= moment < ends_at:
                return (day - first_day).days * len(ordered) + index
    return 0


def _rotated(people: list, slot: int) -> list:
    """The list turned so that its first person takes turn `slot`."""
    shift = -slot % len(people)
    return people[shift:] + people[:shift]


def _on_shift(shift, role):
    return next((a.person for a in shift.assignments.all() if a.role == role), None)


def _seed_past_shifts(post, leader) -> None:
    from duty.services.handover import handover_accept, handover_dispute, handover_file
    from duty.services.log import incident_report, incident_resolve, log_entry_add
    from duty.services.spending import spend_approve, spend_request

    past = list(
        Shift.objects.filter(post=post, ends_at__lte=now())
        .prefetch_related("assignments__person")
        .order_by("starts_at")
    )
    for index, shift in enumerate(past):
        officer = _on_shift(shift, "officer")
        if officer is None:
            continue
        for step in range(2):
            kind, summary, follow_up = LOG_LINES[(index * 2 + step) % len(LOG_LINES)]
            log_entry_add(
                shift=shift,
                occurred_at=shift.starts_at + timedelta(hours=2 + step * 4),
                kind=kind,
                summary=summary,
                follow_up=follow_up if index < len(past) - 3 else "",
                by=officer,
            )
        if index % 7 == 3:
            title, severity, text = INCIDENTS[(index // 7) % len(INCIDENTS)]
            incident = incident_report(
                shift=shift,
                occurred_at=shift.starts_at + timedelta(hours=5),
                title=title,
                severity=severity,
                description=text,
                by=officer,
            )
            if index < len(past) - 8:
                incident_resolve(incident=incident, resolution="已处理完毕", by=officer)
            else:  # the alerted leader has seen it: no escalation runs on demo history
                _acknowledge_all(incident)
        if index % 6 == 2:
            amount, purpose, emergency = SPENDING[(index // 6) % len(SPENDING)]
            spend = spend_request(
                shift=shift, amount=amount, purpose=purpose, emergency=emergency, by=officer
            )
            if spend.status == "pending" and index < len(past) - 6:
                _approve_every_step(spend, spend_approve)
    _close_old_follow_ups(past)
    _seed_handovers(past, handover_file, handover_accept, handover_dispute)


def _approve_every_step(spend, spend_approve) -> None:
    """Each step of the chain by its approver: leader, or department head, finance, director."""
    from duty.approvals import RULE
    from office.roles import users_with_role
    from office.services.approvals import current_step

    spend.refresh_from_db()
    while spend.status == "pending":
        step = current_step(spend, rule=RULE, requested_by=spend.requested_by)
        approver = step.person or users_with_role(step.role).order_by("pk").first()
        spend_approve(spend=spend, by=approver, note="同意")
        spend.refresh_from_db()


def _acknowledge_all(incident) -> None:
    from duty.services.log import incident_acknowledge

    for ack in incident.acknowledgements.select_related("person"):
        incident_acknowledge(incident=incident, by=ack.person)


def _close_old_follow_ups(past) -> None:
    """The follow-ups of all but the last few shifts were seen to: the carry-over holds the
    few matters really open, not two weeks of copies."""
    from duty.services.log import log_follow_up_done

    for index, shift in enumerate(past[:-4]):
        for entry in shift.log_entries.exclude(follow_up="").filter(follow_up_done_at=None):
            outcome = "handed_back" if entry.kind == "instruction" and index % 2 else "done"
            log_follow_up_done(entry=entry, by=entry.author, outcome=outcome)


def _seed_handovers(past, handover_file, handover_accept, handover_dispute) -> None:
    # The last shift that ended is left for its officer to file (it shows in their to-do).
    for index, shift in enumerate(past[:-1]):
        officer = _on_shift(shift, "officer")
        handover = handover_file(
            shift=shift,
            summary="本班值守正常，电话、来访均已登记，未结事项见移交清单。",
            items=[
                ("key", "值班室钥匙 2 把"),
                ("equipment", "对讲机 3 台"),
                ("document", "值班日志本"),
            ],
            by=officer,
        )
        Handover.objects.filter(pk=handover.pk).update(filed_at=shift.ends_at, late=False)
        incoming = handover.incoming_shift
        receiver = incoming and _on_shift(incoming, "officer")
        if receiver is None or index == len(past) - 2:
            continue  # the latest one waits for acceptance
        if index == len(past) - 5:
            handover_dispute(handover=handover, note="对讲机实际只有 2 台，请核实。", by=receiver)
            continue
        handover_accept(handover=handover, by=receiver)
        Handover.objects.filter(pk=handover.pk).update(
            accepted_at=shift.ends_at + timedelta(minutes=10)
        )


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` log entries over a month's roster of 5 posts and 50 people
    (only the missing ones are bulk-created); returns how many were added."""
    from office.models import User

    posts, templates = _setup()
    for i in range(3, 6):
        posts.append(Post.objects.get_or_create(name=f"值守点{i}", defaults={"order": i})[0])
    leader_group = Group.objects.get(name="shift_leader")
    officer_group = Group.objects.get(name="duty_officer")
    existing = set(
        User.objects.filter(username__startswith="duty").values_list("username", flat=True)
    )
    fresh = [
        User(username=f"duty{n:02d}", name=f"值班员{n:02d}")
        for n in range(50)
        if f"duty{n:02d}" not in existing
    ]
    User.objects.bulk_create(fresh)
    people = list(User.objects.filter(username__startswith="duty").order_by("username")[:50])
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=p.pk, group_id=officer_group.pk) for p in people]
        + [through(user_id=p.pk, group_id=leader_group.pk) for p in people[:10]],
        ignore_conflicts=True,
    )
    first = localdate().replace(day=1) - timedelta(days=35)
    first = first.replace(day=1)
    shifts = []
    for offset in range(31):
        day = first + timedelta(days=offset)
        if day.month != first.month:
            break
        for post in posts:
            for template in templates:
                starts_at, ends_at = template.bounds_on(day)
                shifts.append(
                    Shift(
                        post=post, template=template, date=day, starts_at=starts_at, ends_at=ends_at
                    )
                )
    Shift.objects.bulk_create(shifts, ignore_conflicts=True)
    shifts = list(
        Shift.objects.filter(
            date__year=first.year, date__month=first.month, post__in=posts
        ).order_by("starts_at", "post__order")
    )
    assignments, per_slot = [], 3 * len(posts)
    slots = sorted({s.starts_at for s in shifts})
    for shift in shifts:
        slot = slots.index(shift.starts_at)
        place = posts.index(shift.post) * 3
        for seat in range(3):
            person = people[(slot * per_slot + place + seat) % len(people)]
            role = "leader" if seat == 0 else "officer"
            assignments.append(
                Assignment(
                    shift=shift,
                    person=person,
                    role=role,
                    starts_at=shift.starts_at,
                    ends_at=shift.ends_at,
                )
            )
    if not Assignment.objects.filter(shift__in=shifts).exists():
        Assignment.objects.bulk_create(assignments, batch_size=2000)
    entries = []
    have = LogEntry.objects.count()
    missing = max(0, count - have)
    for n in range(missing):
        shift = shifts[n % len(shifts)]
        entries.append(
            LogEntry(
                shift=shift,
                occurred_at=shift.starts_at + timedelta(minutes=(n * 7) % 700),
                kind=LOG_LINES[n % len(LOG_LINES)][0],
                summary=f"{LOG_LINES[n % len(LOG_LINES)][1]}（{n}）",
                author=people[n % len(people)],
            )
        )
        if len(entries) >= 10000:
            LogEntry.objects.bulk_create(entries)
            entries = []
    LogEntry.objects.bulk_create(entries)
    log(f"duty: {len(shifts)} shifts, {LogEntry.objects.count()} log entries, {len(people)} people")
    return missing


def scale_month():
    """The month seed_scale fills (benchmarks show this one)."""
    first = (localdate().replace(day=1) - timedelta(days=35)).replace(day=1)
    return first
