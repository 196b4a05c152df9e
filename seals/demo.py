"""Demo data for the seals app: the seal register with images, a week of uses (one of them a
sealed and signed outgoing document), requests awaiting approval and sealing, and loans.
Also the self-signed demo signing certificate (under var/), so `make run` can sign."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.timezone import now

from documents.selectors import outgoing_for
from office.demo import user
from seals import services, signing
from seals.images import demo_seal
from seals.models import Seal, SealLoan, SealRequest, SealUse

ORGANISATION = "示范单位办公室"
SEALS = [
    # name, kind, chain, image label (None: no image), where kept
    ("示范单位办公室公章", "official", "director", "", "综合科印章保险柜"),
    ("中共示范单位委员会印章", "party", "director", "", "综合科印章保险柜"),
    ("示范单位合同专用章", "contract", "head_director", "合同专用章", "综合科印章保险柜"),
    ("示范单位财务专用章", "finance", "head_finance_director", "财务专用章", "财务处保险柜"),
    ("法定代表人名章", "legal_rep", "director", None, "综合科印章保险柜"),
    ("示范单位钢印", "embossed", "director", None, "综合科档案柜"),
]
PAPER_USES = [
    # seal index, requester, purpose, file name, copies, days ago
    (2, "sunli", "与供应商签订办公设备采购合同", "办公设备采购合同.pdf", 2, 6),
    (0, "clerk", "开具工作人员在职证明", "在职证明.docx", 1, 5),
    (3, "hugang", "银行预留印鉴变更", "印鉴变更申请书.pdf", 1, 4),
    (0, "huangtao", "人事档案材料确认", "档案材料确认单.pdf", 3, 3),
    (2, "sunli", "物业服务合同续签", "物业服务合同.pdf", 2, 2),
    (0, "clerk", "会议通知纸质件盖章", "会议通知.docx", 20, 1),
]


def seed(log) -> None:
    if signing.ensure_demo_certificate(ORGANISATION):
        log(f"seals: demo signing certificate made at {signing.cert_path()}")
    if Seal.objects.exists():
        log("seals: demo register already present")
        return
    director, keeper = user("director"), user("keeper")
    with transaction.atomic():
        seals = []
        for name, kind, chain, label, location in SEALS:
            seal = services.seal_create(
                by=director, name=name, kind=kind, custodian=keeper, location=location, chain=chain
            )
            if label is not None:
                services.seal_image_set(
                    seal_id=seal.pk, by=director, data=demo_seal(ORGANISATION, label)
                )
            seals.append(seal)
        uses = _paper_week(seals, director, keeper)
        sealed = _sealed_document(seals[0], director)
        _open_requests(seals, director)
        _loans(seals, keeper)
    log(f"seals: {len(seals)} seals, {uses} paper uses, {sealed} sealed document, loans")


def _decide_all(request, director) -> None:
    """Approve every step of the request's chain as whoever holds it."""
    from office.services.approvals import current_step

    while (step := current_step(request)) is not None:
        approver = step.person or _holder(step.role)
        services.request_approve(request_id=request.pk, by=approver)
        request.refresh_from_db()


def _holder(role: str):
    from office.roles import users_with_role

    return users_with_role(role).order_by("pk").first()


def _paper_week(seals, director, keeper) -> int:
    moment = now()
    for index, username, purpose, filename, copies, days in PAPER_USES:
        request = services.request_create(
            by=user(username),
            seal=seals[index],
            purpose=purpose,
            copies=copies,
            upload=ContentFile(b"%PDF-1.4\n% demo\n", name=filename),
        )
        _decide_all(request, director)
        use = services.request_apply(request_id=request.pk, by=keeper)
        when = moment - timedelta(days=days, hours=2)
        SealRequest.objects.filter(pk=request.pk).update(
            created_at=when - timedelta(hours=3), decided_at=when - timedelta(hours=1)
        )
        SealUse.objects.filter(pk=use.pk).update(used_at=when)
    return len(PAPER_USES)


def _sealed_document(seal, director) -> int:
    clerk = user("clerk")
    document = outgoing_for(clerk).filter(status__in=("signed", "issued")).order_by("pk").first()
    if document is None:
        return 0
    request = services.request_create(
        by=clerk, seal=seal, purpose="对外印发，加盖电子公章", copies=1, document=document
    )
    _decide_all(request, director)
    services.request_apply(request_id=request.pk, by=clerk)
    return 1


def _open_requests(seals, director) -> None:
    """One awaiting the director, one approved and waiting for the custodian to stamp."""
    services.request_create(
        by=user("huangtao"),
        seal=seals[0],
        purpose="干部调动介绍信盖章",
        copies=1,
        upload=ContentFile(b"%PDF-1.4\n% demo\n", name="介绍信.pdf"),
    )
    approved = services.request_create(
        by=user("maxiaoyu"),
        seal=seals[0],
        purpose="信息化项目验收报告盖章",
        copies=4,
        upload=ContentFile(b"%PDF-1.4\n% demo\n", name="项目验收报告.pdf"),
    )
    _decide_all(approved, director)


def _loans(seals, keeper) -> None:
    moment = now()
    back = services.loan_lend(
        seal_id=seals[2].pk,
        by=keeper,
        borrower=user("sunli"),
        reason="赴市政务服务中心办理合同备案",
        due_back=moment + timedelta(hours=1),
    )
    services.loan_return(loan_id=back.pk, by=keeper, note="印章完好")
    SealLoan.objects.filter(pk=back.pk).update(
        lent_at=moment - timedelta(days=3, hours=5),
        due_back=moment - timedelta(days=3, hours=1),
        returned_at=moment - timedelta(days=3, hours=2),
    )
    services.loan_lend(
        seal_id=seals[3].pk,
        by=keeper,
        borrower=user("hugang"),
        reason="赴开户银行办理账户变更",
        due_back=moment + timedelta(days=1),
    )
