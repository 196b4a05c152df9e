"""Petitions demo data: letters, visits and online petitions in every state, placed relative to
the moment of loading (one to accept soon, one overdue at its department, an extension awaiting
the director, a review under way...). Made through the services, then their dates moved into
the past; idempotent: a petition whose subject exists is not made again."""

import datetime

from django.utils import timezone

from office.demo import user
from office.models import Department

from . import services
from .models import Petition
from .services.common import schedule_deadline_reminders


def _ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


# subject, channel, category, petitioner, received (days ago), final state, extra
CASES = [
    ("小区夜间施工噪音扰民", "online", "environment", "孙建华", 3, "registered", {}),
    ("拖欠农民工工资", "visit", "labour", "李国强", 13, "registered", {}),
    ("要求撤销已生效判决", "letter", "administration", "周文", 20, "rejected", {}),
    ("老旧小区加装电梯", "letter", "urban", "吴桂芳", 10, "accepted", {}),
    ("宅基地界址纠纷", "visit", "land", "郑海", 12, "assigned", {"dept": "finance", "due": 40}),
    (
        "社保转移接续受阻",
        "online",
        "labour",
        "钱丽",
        56,
        "assigned",
        {"dept": "personnel", "due": 2, "extension": True},
    ),
    (
        "工伤认定久拖未决",
        "letter",
        "labour",
        "王志刚",
        70,
        "assigned",
        {"dept": "finance", "due": -4},
    ),
    ("临街商铺占道经营", "online", "urban", "冯敏", 30, "replied", {"dept": "personnel"}),
    (
        "征地补偿款发放",
        "letter",
        "land",
        "陈大勇",
        50,
        "closed",
        {"dept": "finance", "sat": "satisfied"},
    ),
    (
        "养殖场污水直排",
        "visit",
        "environment",
        "赵秀兰",
        45,
        "reviewing",
        {"dept": "personnel", "sat": "dissatisfied"},
    ),
    (
        "公租房分配不公",
        "letter",
        "land",
        "黄小平",
        90,
        "reviewed",
        {"dept": "finance", "sat": "dissatisfied"},
    ),
]
ORDER = ["registered", "accepted", "assigned", "replied", "closed", "reviewing", "reviewed"]


def _make(case, officer, director) -> Petition:
    title, channel, category, name, received, state, extra = case
    petition = services.petition_register(
        data=services.PetitionData(
            channel=channel,
            petitioner_name=name,
            petitioner_id_number="11010519491231002X",
            petitioner_phone="13800138000",
            petitioner_address="本县城关镇幸福路8号",
            title=title,
            matter=f"{title}，请求有关部门依法处理。",
            category=category,
            received_on=_day(-received),
        ),
        by=officer,
    )
    pk = petition.pk
    if state == "rejected":
        services.petition_reject(
            petition_id=pk, by=officer, reason="该事项已进入诉讼程序，应通过法定途径解决。"
        )
        services.notice_record_sent(petition_id=pk, by=officer)
        Petition.objects.filter(pk=pk).update(
            decided_at=_ago(received - 2), notice_sent_at=_ago(received - 3)
        )
        return petition
    reached = ORDER.index(state)
    if reached >= 1:
        services.petition_accept(petition_id=pk, by=officer)
        services.notice_record_sent(petition_id=pk, by=officer)
    if reached >= 2:
        department = Department.objects.get(code=extra["dept"])
        assignee = user("staff") if extra["dept"] == "finance" else None
        services.petition_assign(
            petition_id=pk,
            by=officer,
            department=department,
            assignee=assignee,
            instructions="请依法依规办理，按期答复。",
        )
    if reached >= 3:
        head = Department.objects.get(code=extra["dept"]).head
        services.petition_reply(
            petition_id=pk, by=head, reply="经调查核实，已依法作出处理，并向信访人当面说明。"
        )
    if reached >= 4 and extra.get("sat"):
        services.satisfaction_record(petition_id=pk, by=officer, satisfaction=extra["sat"])
    if reached >= 5:
        services.review_request(
            petition_id=pk, by=officer, reason="信访人对处理意见不服，申请复查。"
        )
    if reached >= 6:
        services.review_record(
            petition_id=pk,
            by=director,
            result="经复查，原处理意见事实清楚、适用依据正确，予以维持。",
        )
    # Place the history in the past: accepted two days after receipt, assigned the day after.
    moves = {"decided_at": _ago(received - 2), "notice_sent_at": _ago(received - 2)}
    if reached >= 2:
        moves["assigned_at"] = _ago(received - 3)
        moves["deadline"] = _day(extra["due"]) if "due" in extra else _day(-received + 62)
    if reached >= 3:
        moves["replied_at"] = _ago(min(received - 10, 20))
    if reached >= 4:
        moves["closed_at"] = _ago(min(received - 12, 18))
    Petition.objects.filter(pk=pk).update(**moves)
    petition.refresh_from_db()
    if state == "assigned":
        schedule_deadline_reminders(petition)
        if extra.get("extension"):
            head = petition.department.head
            services.extension_request(
                petition_id=pk, by=head, days=30, reason="涉及跨部门协调，需进一步核查。"
            )
    return petition


def seed(log) -> None:
    officer, director = user("petitions"), user("director")
    made = 0
    for case in CASES:
        if Petition.objects.filter(title=case[0]).exists():
            continue
        _make(case, officer, director)
        made += 1
    log(f"petitions: {made} new petitions")
