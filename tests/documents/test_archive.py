"""Archiving after DA/T 22 and the catalogue (归档文件目录) as page, PDF and spreadsheet."""

import io

import pytest
from django.urls import reverse
from django.utils.timezone import now
from openpyxl import load_workbook

from documents.services import document_archive
from tests.pdf import pdf_text

from .factories import IncomingFactory, OutgoingFactory


@pytest.fixture
def archived(clerk, director):
    incoming = IncomingFactory(
        title="关于安全生产检查的通知",
        status="completed",
        registered_by=clerk,
        source_org="市安委会",
    )
    outgoing = OutgoingFactory(
        title="关于印发值班制度的通知",
        status="issued",
        drafted_by=clerk,
        number="办发〔2026〕5号",
        signed_at=now(),
    )
    secret = IncomingFactory(
        title="机密来文", status="completed", registered_by=director, security_level="confidential"
    )
    records = [
        document_archive(document=incoming, by=clerk, retention="Y", category="BGS", pages=3),
        document_archive(document=outgoing, by=clerk, retention="Y", category="BGS", pages=2),
        # the clerk keeps the archive, a confidential document's entry too
        document_archive(document=secret, by=clerk, retention="Y", category="BGS"),
    ]
    return records


def test_item_numbers_follow_on_within_year_retention_category(archived):
    assert [r.item_number for r in archived] == [1, 2, 3]
    assert archived[0].archive_code == f"Z001-{archived[0].year}-Y-BGS-0001"
    assert archived[0].responsible == "市安委会"
    assert archived[1].doc_number == "办发〔2026〕5号"


def test_archive_form_validates_the_category(clerk, client_for):
    document = IncomingFactory(status="completed", registered_by=clerk)
    url = reverse("documents:incoming_archive", args=[document.pk])
    response = client_for(clerk).post(url, {"retention": "Y", "category": "办公室", "pages": 1})
    assert response.status_code == 200 and "字母或数字" in response.content.decode()
    document.refresh_from_db()
    assert document.status == "completed"
    client_for(clerk).post(url, {"retention": "D30", "category": "bgs", "pages": 1})
    document.refresh_from_db()
    assert document.status == "archived"
    assert document.archive_record.archive_code.endswith("-D30-BGS-0001")


def test_catalogue_page_pdf_and_spreadsheet_hide_secret_titles(
    archived, clerk, client_for, django_capture_on_commit_callbacks
):
    client = client_for(clerk)
    page = client.get(reverse("documents:archive_catalogue")).content.decode()
    assert "关于安全生产检查的通知" in page and "机密来文" not in page
    assert client.get(reverse("documents:archive_catalogue_pdf")).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(reverse("documents:archive_catalogue_pdf"))
    assert queued.status_code == 302 and queued["Location"].startswith("/files/")
    text = pdf_text(b"".join(client.get(queued["Location"]).streaming_content))
    assert "归档文件目录" in text and "关于印发值班制度的通知" in text and "机密来文" not in text
    response = client.get(reverse("documents:archive_catalogue_xlsx"), {"retention": "Y"})
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("档号", "件号", "责任者", "文号", "题名")
    assert [r[4] for r in rows[1:]] == ["关于安全生产检查的通知", "关于印发值班制度的通知"]


def test_director_sees_the_secret_entry(archived, director, client_for):
    page = client_for(director).get(reverse("documents:archive_catalogue")).content.decode()
    assert "机密来文" in page


def test_catalogue_is_for_the_office_only(staff, client_for):
    assert client_for(staff).get(reverse("documents:archive_catalogue")).status_code == 403
    assert client_for(staff).get(reverse("documents:archive_catalogue_xlsx")).status_code == 403


def test_archived_documents_offer_no_changes(archived, clerk, client_for):
    document = archived[0].incoming
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert 'id="archive-info"' in page
    for name in ("incoming_return", "incoming_attachment_add", "incoming_circulate"):
        assert (
            client_for(clerk).get(reverse(f"documents:{name}", args=[document.pk])).status_code
            == 403
        )


def test_catalogue_pdf_is_refused_to_people_without_the_archive(staff, client_for):
    response = client_for(staff).post(reverse("documents:archive_catalogue_pdf"))
    assert response.status_code == 403
    from office.models import GeneratedFile

    assert not GeneratedFile.objects.exists()
