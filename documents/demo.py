"""Demo data: a realistic month of documents in every state, in Chinese; and scale data
(seed_scale, in documents.demo_scale)."""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import localdate, now

from office.demo import user

from .demo_scale import seed_scale  # noqa: F401  (manage.py seed_scale looks here)

SOURCES = [
    ("市人民政府办公室", "市政办发"),
    ("市应急管理局", "市应急发"),
    ("市财政局", "市财发"),
    ("市委办公室", "市委办字"),
    ("市人力资源和社会保障局", "市人社发"),
    ("市机关事务管理局", "市机管发"),
]
INCOMING = [
    # title, kind, urgency, level, keywords
    ("关于做好元旦春节期间值班值守工作的通知", "notice", "urgent", "internal", "值班 节假日"),
    ("关于召开全市安全生产工作会议的通知", "notice", "normal", "internal", "会议 安全生产"),
    ("关于报送2026年度预算执行情况的函", "letter", "normal", "internal", "预算"),
    ("关于开展防汛应急演练的通知", "notice", "extra_urgent", "public", "防汛 演练"),
    ("关于进一步加强公文处理工作的意见", "opinion", "normal", "public", "公文"),
    ("关于调整机关会议室管理办法的通知", "notice", "normal", "internal", "会议室"),
    ("关于2026年第三季度督查情况的通报", "bulletin", "normal", "internal", "督查"),
    ("关于领导干部外出报备有关事项的通知", "notice", "urgent", "secret", "报备"),
    ("关于做好重要会议安全保卫工作的通知", "notice", "extra_urgent", "confidential", "会议 安保"),
    ("关于申请增加值班经费的请示", "request", "normal", "internal", "值班 经费"),
    ("关于机关节能降耗工作的通知", "notice", "normal", "public", "节能"),
    ("关于开展档案整理检查的通知", "notice", "normal", "internal", "档案 归档"),
]
OUTGOING = [
    ("关于印发《办公室值班管理规定》的通知", "各处室、各直属单位", "局领导", "值班"),
    ("关于召开2026年度工作总结会议的通知", "各处室", "局领导", "会议"),
    ("关于报送年度工作总结的函", "市委办公室", "", "总结"),
    ("关于做好春节期间安全保卫工作的通知", "各处室、各直属单位", "局领导", "安全"),
    ("关于加强会议室预约管理的通知", "各处室", "", "会议室"),
    ("关于2026年度档案归档工作的通知", "各处室", "综合科", "归档"),
]
BODY = (
    "为切实做好相关工作，确保各项任务落到实处，现将有关事项通知如下：\n"
    "一、提高思想认识。各单位要高度重视，明确责任分工，确保工作有序开展。\n"
    "二、严格落实值班制度。实行24小时值班和领导带班制度，保持通讯畅通。\n"
    "三、加强督促检查。办公室将适时开展督查，对落实不力的予以通报。\n特此通知。"
)
NOTICES = [
    (
        "关于元旦放假安排的通知",
        "根据国务院办公厅通知精神，元旦放假1天，请各部门做好值班安排。",
        True,
    ),
    (
        "关于开展消防安全培训的通知",
        "定于本周五下午在三楼会议室开展消防安全培训，请全体人员参加。",
        False,
    ),
    ("关于机关食堂调整开放时间的公告", "自下周一起，机关食堂午餐时间调整为11:30至13:00。", False),
    ("关于报送值班人员名单的通知", "请各处室于本月25日前报送节假日值班人员名单。", False),
]


def seed(log) -> None:
    from documents.models import IncomingDocument

    clerk = user("clerk")
    with transaction.atomic():
        _seed_routed(clerk, log)  # each checks for itself: added to a database seeded before
        _seed_countersigned(clerk, log)
    if IncomingDocument.objects.filter(registered_by=clerk).exclude(title=ROUTED_TITLE).exists():
        log("documents: demo data already present")
        return
    with transaction.atomic():
        incoming = _seed_incoming(clerk)
        outgoing = _seed_outgoing(clerk)
        notices = _seed_notices(clerk)
    log(f"documents: {incoming} incoming, {outgoing} outgoing, {notices} notices")


ROUTED_TITLE = "关于调整2027年度部门预算支出结构的通知"
COUNTERSIGNED = [
    # title, both signed (and signed off) or one still to sign
    ("关于规范公务接待费用报销的通知", True),
    ("关于做好年度考核工作的通知", False),
]


def _seed_routed(clerk, log) -> None:
    """呈批 in sequence: the leader in charge (胡刚, 财务处) and then the director, both 批示."""
    from documents import services
    from documents.models import IncomingDocument

    if IncomingDocument.objects.filter(title=ROUTED_TITLE).exists():
        return
    received = now() - timedelta(days=2, hours=3)
    doc = services.incoming_register(
        by=clerk,
        data={
            "source_org": "市财政局",
            "source_number": f"市财发〔{localdate().year}〕88号",
            "title": ROUTED_TITLE,
            "kind": "notice",
            "urgency": "urgent",
            "security_level": "internal",
            "copies": 2,
            "received_at": received,
            "keywords": "预算",
            "summary": "市财政局来文，要求调整部门预算支出结构，压减一般性支出。",
        },
    )
    deputy, director, staff = user("hugang"), user("director"), user("staff")
    services.incoming_propose(
        document_id=doc.pk,
        by=clerk,
        proposal="拟请胡处长阅示后呈王主任审定，建议由财务处牵头办理。",
        leaders=[deputy, director],
    )
    services.incoming_instruct(
        document_id=doc.pk,
        by=deputy,
        instruction="拟同意，由财务处会同各处室梳理支出项目，请王主任审定。",
        due=localdate() + timedelta(days=12),
    )
    services.incoming_instruct(
        document_id=doc.pk,
        by=director,
        instruction="同意。请财务处牵头，于一周内报送调整方案。",
        lead_handler=staff,
        co_handlers=[user("sunli")],
        due=localdate() + timedelta(days=7),
    )
    log("documents: an incoming document instructed by two leaders")


def _seed_countersigned(clerk, log) -> None:
    """会签: one draft both departments signed (then signed off), one still awaiting 人事处."""
    from documents import services
    from documents.models import OutgoingDocument
    from office.models import Department

    departments = list(Department.objects.filter(code__in=("finance", "personnel")))
    if len(departments) < 2:
        return
    director = user("director")
    for title, complete in COUNTERSIGNED:
        if OutgoingDocument.objects.filter(title=title).exists():
            continue
        data = {
            "series": "ban",
            "title": title,
            "kind": "notice",
            "urgency": "normal",
            "security_level": "internal",
            "main_recipients": "各处室",
            "copy_recipients": "局领导",
            "body": BODY,
            "attachment_note": "",
            "keywords": "会签",
            "copies": 20,
        }
        doc = services.outgoing_create(by=clerk, data=data, countersign_departments=departments)
        services.outgoing_submit(document_id=doc.pk, by=clerk)
        services.outgoing_review(document_id=doc.pk, by=user("linna"), note="文字已核。")
        for row in doc.countersigns.select_related("department__head"):
            if not complete and row.department.code == "personnel":
                continue
            services.countersign_sign(
                document_id=doc.pk,
                countersign_id=row.pk,
                by=row.department.head,
                opinion=f"{row.department.name}无意见，同意。",
            )
        if complete:
            services.outgoing_sign(document_id=doc.pk, by=director, note="同意印发。")
    log("documents: two outgoing documents with 会签, one still awaiting a department")


def _seed_incoming(clerk) -> int:
    from documents import services
    from documents.models import IncomingDocument

    director, linna = user("director"), user("linna")
    handlers = [user(u) for u in ("sunli", "huangtao", "hugang", "maxiaoyu")]
    readers = [user(u) for u in ("staff", "supervisor", "leader", "sunli", "huangtao")]
    today, count = localdate(), 0
    for cycle in range(3):
        for index, (title, kind, urgency, level, keywords) in enumerate(INCOMING):
            org, prefix = SOURCES[(index + cycle) % len(SOURCES)]
            days_ago = 30 - (cycle * 12 + index) % 30
            received = now() - timedelta(days=days_ago, hours=index % 7)
            data = {
                "source_org": org,
                "source_number": f"{prefix}〔{today.year}〕{10 + index * 3 + cycle}号",
                "title": title if cycle == 0 else f"{title}（第{cycle + 1}批）",
                "kind": kind,
                "urgency": urgency,
                "security_level": level,
                "copies": 1 + index % 3,
                "received_at": received,
                "deadline": (received + timedelta(days=10)).date() if index % 2 else None,
                "keywords": keywords,
                "summary": f"{org}来文，{title}，请按要求办理。",
            }
            doc = services.incoming_register(
                by=clerk if index % 4 else linna,
                data=data,
                access_list=[director] if level != "internal" else [],
            )
            count += 1
            stage = (index + cycle * 5) % 8  # spread the documents over every state
            if stage == 0:
                continue
            if stage == 7:
                services.incoming_return(
                    document_id=doc.pk, by=clerk, reason="不属于本单位职责范围，退回来文单位。"
                )
                continue
            services.incoming_propose(
                document_id=doc.pk, by=clerk, proposal="拟请王主任阅示，建议由综合科牵头办理。"
            )
            if stage == 1:
                continue
            lead = handlers[index % len(handlers)]
            services.incoming_instruct(
                document_id=doc.pk,
                by=director,
                instruction="同意拟办意见，请抓紧落实并按时反馈。",
                lead_handler=lead,
                co_handlers=[handlers[(index + 1) % len(handlers)]],
                due=today + timedelta(days=3 + index),
                create_task=stage in (3, 6),
            )
            if stage == 2:
                continue
            picked = [readers[(index + k) % len(readers)] for k in range(3)]
            services.circulation_send(
                document_id=doc.pk, by=clerk, readers=[(r, "请阅知") for r in picked]
            )
            services.circulation_mark_read(
                document_id=doc.pk, reader=picked[0], comment="已阅，同意。"
            )
            if stage in (3, 4):
                continue
            for reader in picked[1:]:
                services.circulation_mark_read(document_id=doc.pk, reader=reader)
            services.incoming_report_result(
                document_id=doc.pk, by=lead, result="已按批示要求办理完毕。"
            )
            services.incoming_complete(document_id=doc.pk, by=clerk)
            if stage == 6:
                services.document_archive(
                    document=IncomingDocument.objects.get(pk=doc.pk),
                    by=clerk,
                    retention="D30",
                    category="BGS",
                )
    return count


def _seed_outgoing(clerk) -> int:
    from documents import services
    from documents.models import OutgoingDocument

    director, sunli = user("director"), user("sunli")
    recipients = [user(u) for u in ("staff", "hugang", "huangtao", "sunli")]
    count = 0
    for cycle in range(2):
        for index, (title, main, copy, keywords) in enumerate(OUTGOING):
            drafter = clerk if index % 3 else sunli
            data = {
                "series": "banhan" if "函" in title else "ban",
                "title": title,
                "kind": "letter" if "函" in title else "notice",
                "urgency": "normal",
                "security_level": "internal",
                "main_recipients": main,
                "copy_recipients": copy,
                "body": BODY,
                "attachment_note": "1. 值班安排表" if index % 2 else "",
                "keywords": keywords,
                "copies": 30,
            }
            doc = services.outgoing_create(by=drafter, data=data, internal_recipients=recipients)
            count += 1
            stage = (index + cycle * 3) % 7
            pk = doc.pk
            if stage == 0:
                continue
            services.outgoing_update(
                document_id=pk,
                by=drafter,
                data={**data, "body": BODY + "\n（修改稿）"},
                internal_recipients=recipients,
            )
            services.outgoing_submit(document_id=pk, by=drafter)
            if stage == 1:
                continue
            reviewer = user("linna") if drafter == clerk else clerk
            if stage == 2:
                services.outgoing_return(document_id=pk, by=reviewer, reason="请补充具体时间安排。")
                continue
            services.outgoing_review(document_id=pk, by=reviewer, note="文字已核。")
            if stage == 3:
                continue
            services.outgoing_sign(document_id=pk, by=director, note="同意印发。")
            if stage == 4:
                continue
            services.outgoing_issue(document_id=pk, by=clerk)
            if stage == 6:
                services.document_archive(
                    document=OutgoingDocument.objects.get(pk=pk),
                    by=clerk,
                    retention="Y",
                    category="BGS",
                )
    return count


def _seed_notices(clerk) -> int:
    from documents import services

    for index, (title, body, pinned) in enumerate(NOTICES):
        notice = services.notice_create(
            by=clerk,
            data={
                "title": title,
                "body": body,
                "to_all": True,
                "pinned": pinned,
                "expires_on": localdate() + timedelta(days=20),
            },
        )
        if index < 3:
            services.notice_publish(notice_id=notice.pk, by=clerk)
    return len(NOTICES)
