"""The roster as PDF (值班表, landscape) and spreadsheet; the handover record as PDF."""

import io

import pytest
from django.urls import reverse
from django.utils.timezone import localdate, now
from openpyxl import load_workbook
from pypdf import PdfReader

from duty.services import handover as handover_services
from duty.services import log

pytestmark = pytest.mark.django_db


def _pdf_text(response) -> tuple[str, PdfReader]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "".join(page.extract_text() for page in reader.pages), reader


def test_roster_pdf_is_built_in_the_background_landscape_and_chinese(
    shift, leader, client_for, django_capture_on_commit_callbacks
):
    month = localdate(shift.starts_at).strftime("%Y-%m")
    client = client_for(leader)
    assert client.get(reverse("duty:roster_pdf"), {"month": month}).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(reverse("duty:roster_pdf"), {"month": month})
    assert queued.status_code == 302 and queued["Location"].startswith("/files/")
    download = client.get(queued["Location"])
    assert download["Content-Disposition"].startswith("attachment")
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "值班表" in text and "总值班室" in text
    box = reader.pages[0].mediabox
    assert box.width > box.height


def test_roster_pdf_needs_a_duty_role(staff, client_for, client):
    assert client_for(staff).post(reverse("duty:roster_pdf")).status_code == 403
    assert "/accounts/login/" in client.post(reverse("duty:roster_pdf"))["Location"]


def test_roster_xlsx_lists_people_and_marks_gaps(shift, leader, client_for):
    month = localdate(shift.starts_at).strftime("%Y-%m")
    response = client_for(leader).get(reverse("duty:roster_xlsx"), {"month": month})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert any("★leader" in str(v) for v in values)
    assert "总值班室 当前班" in values


@pytest.mark.usefixtures("handover_time")
def test_handover_pdf_has_the_record(shift, next_shift, officer, next_officer, client_for):
    log.incident_report(
        shift=shift, occurred_at=now(), title="道闸故障", severity="major", by=officer
    )
    handover = handover_services.handover_file(
        shift=shift, summary="本班值守正常", items=[("key", "值班室钥匙2把")], by=officer
    )
    handover_services.handover_dispute(handover=handover, note="钥匙只有1把", by=next_officer)
    response = client_for(next_officer).get(reverse("duty:handover_pdf", args=[handover.pk]))
    text, _reader = _pdf_text(response)
    for expected in ("交接班记录", "本班值守正常", "值班室钥匙2把", "道闸故障", "钥匙只有1把"):
        assert expected in text, expected


def test_shift_in_calendar_feed(shift, officer, client, settings):
    response = client.get(f"/calendar/{officer.calendar_token}.ics")
    body = response.content.decode()
    assert f"duty-shift-{shift.pk}-{officer.pk}" in body
    assert "LOCATION:总值班室" in body
    # a calendar client has no page to resolve a path against: the link is absolute
    unfolded = body.replace("\r\n ", "")
    assert f"URL:{settings.SITE_URL}{shift.get_absolute_url()}" in unfolded


def test_roster_xlsx_writes_formula_like_names_as_text(shift, leader, client_for):
    shift.post.name = '=HYPERLINK("http://x","y")'
    shift.post.save()
    month = localdate(shift.starts_at).strftime("%Y-%m")
    response = client_for(leader).get(reverse("duty:roster_xlsx"), {"month": month})
    header = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(max_row=1))[0]
    cell = next(c for c in header if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"
