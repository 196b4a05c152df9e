"""大事记, as people click it, in Chinese: the clerk issues an outgoing document, the sweep
suggests it for the chronicle, the clerk edits the suggestion and accepts it, and it stands in
the year's chronicle under its month, on the page and in the PDF."""

import io

import pdfplumber
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chronicle.models import Entry
from chronicle.tasks import sweep_suggestions
from tests.documents.factories import OutgoingFactory

pytestmark = pytest.mark.e2e


def test_an_issued_document_is_suggested_edited_accepted_and_printed(
    browser_page, login, clerk, director
):
    document = OutgoingFactory(
        drafted_by=clerk,
        title="关于做好冬季森林防火工作的通知",
        status="signed",
        number="办发〔2026〕9号",
        signed_by=director,
        signed_at=timezone.now(),
        security_level="internal",
    )
    page = browser_page()
    login(page, clerk)
    page.goto(document.get_absolute_url())
    page.get_by_role("button", name="印发").click()
    expect(page.get_by_text("已印发").first).to_be_visible()

    assert sweep_suggestions() == 1  # the periodic sweep, as beat runs it

    page.goto("/chronicle/")
    page.locator("#review-suggestions").click()
    expect(page.locator("#suggestions")).to_contain_text("关于做好冬季森林防火工作的通知")
    page.get_by_role("link", name="审核").first.click()
    page.get_by_label("标题").fill("县政府办公室印发冬季森林防火工作通知")
    page.get_by_label("重要程度").select_option("high")
    page.get_by_role("button", name="采用，列入大事记").click()
    expect(page.locator(".alert-success, .alert")).to_contain_text("已采用")
    entry = Entry.objects.get()
    today = timezone.localdate()
    month = page.locator(f".chronicle-month[data-month='{today:%Y-%m}']")
    expect(month).to_contain_text("县政府办公室印发冬季森林防火工作通知")
    expect(month).to_contain_text(f"{today.month}月{today.day}日")
    assert entry.status == "accepted" and entry.edited_by == clerk

    # The PDF as the link serves it (a desktop browser shows it inline), with the session.
    response = page.request.get(page.locator("#year-pdf").get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.body())) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert f"{today.year}年大事记" in text and f"{today.month}月" in text
    assert "县政府办公室印发冬季森林防火工作通知" in text
