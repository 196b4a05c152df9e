"""用印申请 through the seal's own chain, applied once, every use logged."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import ApprovalStep, AuditEvent, Notification
from seals import services
from seals.models import Seal, SealRequest, SealUse
from tests.documents.factories import OutgoingFactory
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _request(clerk, seal, document, **extra):
    return services.request_create(
        by=clerk, seal=seal, purpose="对外印发", copies=3, document=document, **extra
    )


def test_a_document_request_waits_for_the_director_then_is_sealed_once(
    clerk, director, seal, issued
):
    request = _request(clerk, seal, issued)
    assert request.status == "pending"
    assert Notification.objects.filter(recipient=director, kind="seals.request").exists()
    with pytest.raises(TransitionNotAllowed):
        services.request_apply(request_id=request.pk, by=clerk)  # not approved yet
    services.request_approve(request_id=request.pk, by=director)
    use = services.request_apply(request_id=request.pk, by=clerk)
    request.refresh_from_db()
    assert request.status == "used"
    assert use.electronic and use.copies == 3 and use.approved_by == director
    assert use.sealed_pdf.read().startswith(b"%PDF")
    with pytest.raises(TransitionNotAllowed):
        services.request_apply(request_id=request.pk, by=clerk)  # one use per approval
    assert SealUse.objects.count() == 1
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"seals.request_created", "seals.request_approved", "seals.used"} <= verbs


def test_the_seal_names_its_chain_head_then_finance_then_director(clerk, director, seal, issued):
    department = DepartmentFactory(code="secretariat")
    head = UserFactory(username="head", department=department)
    department.head = head
    department.save()
    clerk.department = department
    clerk.save()
    finance = UserFactory(username="fin", roles=["finance"])
    seal.chain = Seal.Chain.HEAD_FINANCE_DIRECTOR
    seal.save()
    request = _request(clerk, seal, issued)
    with pytest.raises(NotAllowed):
        services.request_approve(request_id=request.pk, by=director)  # the head comes first
    services.request_approve(request_id=request.pk, by=head)
    services.request_approve(request_id=request.pk, by=finance)
    assert SealRequest.objects.get(pk=request.pk).status == "pending"
    services.request_approve(request_id=request.pk, by=director)
    assert SealRequest.objects.get(pk=request.pk).status == "approved"
    assert ApprovalStep.objects.filter(status="approved").count() == 3


def test_a_return_needs_a_reason_and_tells_the_requester(clerk, director, seal, issued):
    request = _request(clerk, seal, issued)
    with pytest.raises(DomainError):
        services.request_return(request_id=request.pk, by=director, reason="")
    services.request_return(request_id=request.pk, by=director, reason="份数有误")
    request.refresh_from_db()
    assert request.status == "returned" and request.return_reason == "份数有误"
    assert Notification.objects.filter(recipient=clerk, kind="seals.request").exists()
    with pytest.raises(TransitionNotAllowed):
        services.request_apply(request_id=request.pk, by=clerk)


@pytest.mark.parametrize("status", ["draft", "review", "signing"])
def test_a_document_is_sealed_only_after_sign_off(clerk, seal, status):
    document = OutgoingFactory(drafted_by=clerk, status=status)
    with pytest.raises(DomainError, match="签发|signed"):
        _request(clerk, seal, document)
    assert not SealRequest.objects.exists()


def test_refused_requests_save_nothing(clerk, director, seal, issued, keeper):
    contract = Seal.objects.create(name="合同章", kind="contract", custodian=keeper, location="柜")
    with pytest.raises(DomainError):
        _request(clerk, contract, issued)  # a contract seal on an outgoing document
    no_image = Seal.objects.create(name="党委章", kind="party", custodian=keeper, location="柜")
    with pytest.raises(DomainError):
        _request(clerk, no_image, issued)
    secret = OutgoingFactory(status="issued", number="办发〔2026〕9号", security_level="secret")
    with pytest.raises(DomainError):
        _request(clerk, seal, secret)  # a document the clerk cannot see
    _request(clerk, seal, issued)
    with pytest.raises(DomainError):
        _request(clerk, seal, issued)  # one open request per document and seal
    assert SealRequest.objects.count() == 1


def test_a_paper_use_is_stamped_and_recorded_by_the_custodian(clerk, director, keeper, seal):
    upload = SimpleUploadedFile("合同.pdf", b"%PDF-1.4 contract", content_type="application/pdf")
    request = services.request_create(
        by=clerk, seal=seal, purpose="签订合同", copies=2, upload=upload
    )
    services.request_approve(request_id=request.pk, by=director)
    with pytest.raises(NotAllowed):
        services.request_apply(request_id=request.pk, by=clerk)  # the custodian stamps paper
    use = services.request_apply(request_id=request.pk, by=keeper)
    assert not use.electronic and use.copies == 2 and use.used_by == keeper
    assert not use.sealed_pdf


def test_the_requester_withdraws_and_the_chain_goes_with_it(clerk, director, seal, issued):
    request = _request(clerk, seal, issued)
    with pytest.raises(NotAllowed):
        services.request_cancel(request_id=request.pk, by=director)
    services.request_cancel(request_id=request.pk, by=clerk)
    assert SealRequest.objects.get(pk=request.pk).status == "cancelled"
    assert not ApprovalStep.objects.filter(status="pending").exists()


def test_a_retired_seal_is_not_applied(clerk, director, seal, issued):
    request = _request(clerk, seal, issued)
    services.request_approve(request_id=request.pk, by=director)
    services.seal_retire(seal_id=seal.pk, by=director, reason="更换新章")
    with pytest.raises(TransitionNotAllowed):
        services.request_apply(request_id=request.pk, by=clerk)
    assert not SealUse.objects.exists()


def test_only_the_director_keeps_the_register_and_uploads_images(keeper, director, seal, seal_png):
    with pytest.raises(NotAllowed):
        services.seal_image_set(seal_id=seal.pk, by=keeper, data=seal_png)
    with pytest.raises(NotAllowed):
        services.seal_create(
            by=keeper,
            name="新章",
            kind="official",
            custodian=keeper,
            location="柜",
            chain="director",
        )
    with pytest.raises(DomainError):
        services.seal_image_set(seal_id=seal.pk, by=director, data=b"not an image")
    services.seal_image_set(seal_id=seal.pk, by=director, data=seal_png)
    assert AuditEvent.objects.filter(verb="seals.image_set").count() == 1


def test_an_uploaded_image_is_stored_red_on_transparent(director, seal):
    import io

    from PIL import Image

    scan = Image.new("RGB", (300, 300), "white")
    for x in range(100, 200):
        for y in range(100, 200):
            scan.putpixel((x, y), (20, 20, 20))  # dark ink
    buffer = io.BytesIO()
    scan.save(buffer, "JPEG")
    services.seal_image_set(seal_id=seal.pk, by=director, data=buffer.getvalue())
    seal.refresh_from_db()
    stored = Image.open(seal.image.open("rb")).convert("RGBA")
    red, green, blue, alpha = stored.getpixel((300, 300))
    assert red > 200 and green < 30 and blue < 60 and alpha > 200
    assert stored.getpixel((5, 5))[3] < 10  # the paper is transparent


def test_seal_image_storage_has_no_url(seal):
    with pytest.raises(ValueError):
        _ = seal.image.url
