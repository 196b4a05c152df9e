"""The seals pages: scope (404), role (403), bad input (the form again, nothing saved),
the use log and its exports for the custodian and the director, pinned query counts."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.timezone import localtime, now
from openpyxl import load_workbook

from seals import services
from seals.models import Seal, SealRequest, SealUse
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(clerk, seal, issued):
    return services.request_create(by=clerk, seal=seal, purpose="印发", copies=2, document=issued)


def test_anonymous_users_go_to_the_login_page(client):
    response = client.get(reverse("seals:index"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_someone_elses_request_is_not_found(pending, other_staff, client_for):
    client = client_for(other_staff)
    for name in ("seals:request_detail", "seals:sealed_pdf", "seals:request_upload"):
        assert client.get(reverse(name, args=[pending.pk])).status_code == 404
    assert client.post(reverse("seals:request_apply", args=[pending.pk])).status_code == 404


def test_the_custodian_sees_the_request_but_only_the_director_decides(
    pending, keeper, director, client_for
):
    keeper_client = client_for(keeper)
    assert keeper_client.get(pending.get_absolute_url()).status_code == 200
    url = reverse("seals:request_decide", args=[pending.pk, "approve"])
    assert keeper_client.post(url).status_code == 403
    page = client_for(director).get(pending.get_absolute_url()).content.decode()
    assert reverse("seals:request_decide", args=[pending.pk, "approve"]) in page
    client_for(director).post(url, {"reason": ""})
    assert SealRequest.objects.get(pk=pending.pk).status == "approved"


def test_a_return_without_a_reason_says_so_and_changes_nothing(pending, director, client_for):
    url = reverse("seals:request_decide", args=[pending.pk, "return"])
    response = client_for(director).post(url, {"reason": ""}, follow=True)
    assert SealRequest.objects.get(pk=pending.pk).status == "pending"
    assert any("理由" in str(m) or "reason" in str(m).lower() for m in response.context["messages"])


def test_the_request_form_refuses_a_request_without_a_document_or_file(
    clerk, seal, client_for, settings
):
    settings.LANGUAGE_CODE = "zh-hans"
    response = client_for(clerk).post(
        reverse("seals:request_new"), {"seal": seal.pk, "purpose": "印发", "copies": 1}
    )
    assert response.status_code == 200
    assert "请选择一份发文或上传需要盖章的文件" in response.content.decode()
    assert not SealRequest.objects.exists()


def test_the_request_form_accepts_a_file_for_a_paper_use(clerk, seal, client_for):
    upload = SimpleUploadedFile("合同.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    response = client_for(clerk).post(
        reverse("seals:request_new"),
        {"seal": seal.pk, "purpose": "签订合同", "copies": 2, "upload": upload},
    )
    request = SealRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()
    assert request.upload_name == "合同.pdf"


def test_only_the_director_uploads_an_image_and_no_page_shows_it(
    seal, keeper, director, client_for, seal_png
):
    url = reverse("seals:seal_image", args=[seal.pk])
    image = SimpleUploadedFile("seal.png", seal_png, content_type="image/png")
    assert client_for(keeper).post(url, {"image": image}).status_code == 403
    page = client_for(director).get(seal.get_absolute_url()).content.decode()
    assert "<img" not in page and seal.image.name not in page


def _use(seal, request, when):
    return SealUse.objects.create(
        seal=seal,
        request=request,
        used_by=request.requested_by,
        used_at=when,
        subject=f"合同{request.pk}",
        copies=2,
    )


def _uses(seal, clerk, count):
    moment = now()
    for index in range(count):
        request = SealRequest.objects.create(
            seal=seal, requested_by=clerk, purpose="合同", status="used", upload_name="合同.pdf"
        )
        _use(seal, request, moment - timedelta(seconds=index))


def test_the_use_log_is_the_custodians_and_the_directors(seal, clerk, keeper, director, client_for):
    _uses(seal, clerk, 2)
    assert client_for(clerk).get(reverse("seals:use_list")).status_code == 403
    other_keeper = UserFactory(username="keeper2", roles=["seal_keeper"])
    page = client_for(other_keeper).get(reverse("seals:use_list")).content.decode()
    assert "合同" not in page.split('id="use-log"')[1]  # keeps no seal: sees no use
    for user in (keeper, director):
        page = client_for(user).get(reverse("seals:use_list")).content.decode()
        assert page.count("<tr><td>") == 2


def test_the_use_log_exports_as_a_spreadsheet_and_a_pdf(seal, clerk, keeper, client_for):
    _uses(seal, clerk, 3)
    client = client_for(keeper)
    response = client.get(reverse("seals:use_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4 and sheet.cell(2, 2).value == seal.name
    response = client.get(reverse("seals:use_pdf"))
    from tests.pdf import pdf_text

    text = pdf_text(response.content)
    assert "用印登记簿" in text and seal.name in text


@pytest.mark.parametrize("count", [2, 12])
def test_list_pages_do_not_query_per_row(
    seal, clerk, director, keeper, client_for, django_assert_max_num_queries, count
):
    _uses(seal, clerk, count)
    client = client_for(director)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("seals:use_list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("seals:request_list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("seals:index")).status_code == 200


def test_lending_through_the_page(seal, keeper, staff, client_for):
    url = reverse("seals:loan_new", args=[seal.pk])
    assert client_for(staff).get(url).status_code == 403
    due = localtime(now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(keeper).post(
        url, {"borrower": staff.pk, "reason": "签约", "due_back": due}
    )
    assert response.status_code == 302
    assert Seal.objects.get(pk=seal.pk).status == "lent_out"
    past = localtime(now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client_for(keeper).post(
        url, {"borrower": staff.pk, "reason": "签约", "due_back": past}
    )
    assert response.status_code == 200  # the form again


def test_every_page_opens_for_the_people_it_is_for(seal, keeper, director, staff, client_for):
    loan = services.loan_lend(
        seal_id=seal.pk,
        by=keeper,
        borrower=staff,
        reason="签约",
        due_back=now() + timedelta(days=1),
    )
    for user, name, args in [
        (keeper, "seals:loan_detail", [loan.pk]),
        (staff, "seals:loan_detail", [loan.pk]),
        (keeper, "seals:loan_list", []),
        (director, "seals:seal_edit", [seal.pk]),
        (director, "seals:seal_create", []),
        (staff, "seals:request_new", []),
        (staff, "seals:verify", []),
        (staff, "seals:seal_detail", [seal.pk]),
    ]:
        assert client_for(user).get(reverse(name, args=args)).status_code == 200, name
    assert client_for(keeper).get(reverse("seals:seal_edit", args=[seal.pk])).status_code == 403
    page = client_for(keeper).get(loan.get_absolute_url()).content.decode()
    assert reverse("seals:loan_return", args=[loan.pk]) in page
    page = client_for(staff).get(loan.get_absolute_url()).content.decode()
    assert reverse("seals:loan_return", args=[loan.pk]) not in page


def test_the_home_page_shows_the_custodian_an_overdue_loan(seal, keeper, staff, client_for):
    import time_machine

    loan = services.loan_lend(
        seal_id=seal.pk,
        by=keeper,
        borrower=staff,
        reason="签约",
        due_back=now() + timedelta(hours=1),
    )
    assert 'id="seals-panel"' not in client_for(staff).get("/").content.decode()
    with time_machine.travel(loan.due_back + timedelta(hours=2), tick=False):
        page = client_for(keeper).get("/").content.decode()
    panel = page.split('id="seals-panel"')[1]
    assert seal.name in panel and "逾期" in panel
