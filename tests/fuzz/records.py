"""Records the demo week lacks, made through the services, so a fuzz user's page links the
views they open: files, countersign steps, skipped weeks, split items. Each function returns
the records whose pages the crawl starts from. All of it is placed relative to now."""

from django.core.files.uploadedfile import SimpleUploadedFile

from office.models import Department, User

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, "application/pdf")


def person(username: str) -> User:
    return User.objects.get(username=username)


def documents() -> list:
    """An incoming document with a scan, led by 赵磊 (staff) who reports its result; an outgoing
    draft with an attachment, countersigned by 值班室, whose head (leader) signs or names a
    signer."""
    from documents import services

    clerk, director, staff = person("clerk"), person("director"), person("staff")
    incoming = services.incoming_register(
        by=clerk,
        data={
            "source_org": "市应急管理局",
            "source_number": "应急〔2026〕99号",
            "title": "关于开展冬季安全检查的通知",
            "kind": "notice",
            "urgency": "normal",
            "security_level": "internal",
            "copies": 1,
            "received_at": _now(),
            "keywords": "安全",
            "summary": "请按要求开展检查。",
        },
        access_list=[],
    )
    services.incoming_attachment_add(document_id=incoming.pk, by=clerk, upload=pdf("扫描件.pdf"))
    services.incoming_propose(document_id=incoming.pk, by=clerk, proposal="拟请财务处牵头。")
    services.incoming_instruct(
        document_id=incoming.pk, by=director, instruction="同意。", lead_handler=staff
    )
    outgoing = services.outgoing_create(
        by=clerk,
        data={
            "series": "ban",
            "title": "关于调整值班安排的通知",
            "kind": "notice",
            "urgency": "normal",
            "security_level": "internal",
            "main_recipients": "各处室",
            "copy_recipients": "",
            "body": "各处室：现将值班安排调整如下。",
            "attachment_note": "值班表",
            "keywords": "值班",
            "copies": 5,
        },
        uploads=[pdf("值班表.pdf")],
        countersign_departments=[Department.objects.get(code="duty-room")],
    )
    services.outgoing_submit(document_id=outgoing.pk, by=clerk)
    return [incoming, outgoing]


def meetings() -> list:
    """A meeting of the clerk's with a material, and a weekly series of hers in a room taken
    in its second week (skipped, so it can be booked again)."""
    from meetings import services
    from meetings.services.details import MeetingData
    from tests.meetings.factories import RoomFactory, at

    clerk, director, staff = person("clerk"), person("director"), person("staff")
    room = RoomFactory(name="模糊测试会议室")

    def data(title, start, end):
        return MeetingData(
            title=title,
            kind="office",
            chair=director,
            recorder=clerk,
            start=start,
            end=end,
            room=room,
            required=[staff],
            guests=[("张三", "市财政局")],  # the last scheduled meeting: its guests' page
        )

    services.meeting_create(data=data("占用", at(8, 9), at(8, 10)), by=director)
    series = services.meeting_create(
        data=data("周例会", at(1, 9), at(1, 10)), by=clerk, weeks=3, skip_clashes=True
    )
    services.material_add(meeting_id=series[0].pk, upload=pdf("会议材料.pdf"), by=clerk)
    return [series[0]]


def supervision() -> list:
    """An item of 赵磊's (staff) in hand with a co-owner, so he may split it, and a progress
    report with a file; the month's circular, rendered."""
    from django.utils.timezone import localdate

    from supervision.models import Task
    from supervision.services import circular_request, progress_report_add
    from supervision.services.circulars import circular_render
    from tests.supervision.factories import TaskFactory

    clerk, staff = person("clerk"), person("staff")
    task = TaskFactory(
        owner=staff,
        assigned_by=clerk,
        status=Task.Status.IN_PROGRESS,
        co_owners=[person("officer")],
    )
    progress_report_add(task_id=task.pk, by=staff, text="已完成初稿。", files=[pdf("初稿.pdf")])
    circular = circular_request(month=localdate(), by=person("supervisor"))
    circular_render(circular_id=circular.pk)
    return [task]


def duty() -> list:
    """A post of its own, on days outside the demo roster (nobody is on two shifts at once):
    40 days ago 刘洋 (officer) filed the day shift's handover, which 张伟 (leader), leading the
    night after, has not answered; the night has an open follow-up, a spend awaiting 张伟 and
    no handover yet. In 40 days 刘洋 asks 张伟 to take a shift of his."""
    from datetime import time, timedelta
    from decimal import Decimal

    from django.utils.timezone import localdate

    from duty.services.handover import handover_file
    from duty.services.log import log_entry_add
    from duty.services.spending import spend_request
    from duty.services.swaps import swap_request
    from tests.duty.factories import PostFactory, ShiftTemplateFactory, assign, make_shift

    officer, leader = person("officer"), person("leader")
    post = PostFactory(name="模糊测试值守点")
    day_shift = ShiftTemplateFactory(name="模糊测试白班", start_time=time(8), end_time=time(20))
    night = ShiftTemplateFactory(name="模糊测试夜班", start_time=time(20), end_time=time(8))
    before = localdate() - timedelta(days=40)
    filed = make_shift(post=post, template=day_shift, day=before)
    answering = make_shift(post=post, template=night, day=before)
    ahead = make_shift(post=post, template=day_shift, day=localdate() + timedelta(days=40))
    assign(filed, officer)
    assign(answering, leader, role="leader")
    assign(answering, officer)
    offered = assign(ahead, officer)
    handover = handover_file(
        shift=filed, summary="本班正常。", items=[("key", "钥匙 2 把")], by=officer
    )
    log_entry_add(
        shift=answering,
        occurred_at=answering.starts_at + timedelta(hours=1),
        kind="phone",
        summary="市应急局来电。",
        follow_up="明早回电。",
        by=officer,
    )
    spend = spend_request(shift=answering, amount=Decimal("800"), purpose="购买应急灯", by=officer)
    swap = swap_request(assignment=offered, colleague=leader, reason="家中有事。", by=officer)
    return [handover, spend, swap, answering, filed]


def seals() -> list:
    """A paper seal request of 赵磊's (staff) awaiting approval: he may withdraw it."""
    from seals.models import Seal
    from seals.services import request_create

    seal = Seal.objects.exclude(status=Seal.Status.RETIRED).order_by("pk").first()
    request = request_create(
        by=person("staff"), seal=seal, purpose="报销凭证盖章", upload=pdf("报销凭证.pdf")
    )
    return [request]


def supplies() -> list:
    """A requisition of 刘洋's (officer, 值班室) awaiting his head, 张伟 (leader)."""
    from supplies.models import Item, Store
    from supplies.services import Line, requisition_request

    store = Store.objects.order_by("pk").first()
    item = Item.objects.filter(active=True).order_by("pk").first()
    requisition = requisition_request(
        store=store, purpose="值班室日常办公", lines=[Line(item, 2)], by=person("officer")
    )
    return [requisition]


def petitions() -> list:
    """A petition accepted today whose notice has not been sent yet."""
    from django.utils.timezone import localdate

    from petitions import rules, services

    officer = person("petitions")
    petition = services.petition_register(
        data=services.PetitionData(
            channel="letter",
            petitioner_name="王五",
            title="小区路灯损坏",
            matter="小区路灯损坏，请求维修。",
            category=rules.categories()[0][0],
            received_on=localdate(),
        ),
        by=officer,
    )
    services.petition_accept(petition_id=petition.pk, by=officer)
    return [petition]


def _now():
    from django.utils.timezone import now

    return now()


def all_records() -> list:
    return [*documents(), *meetings(), *supervision(), *duty(), *seals(), *supplies(), *petitions()]
