"""The PDFs: 收文处理单, the GB/T 9704 document, 发文稿纸, the notice, the catalogue."""

import io
import re

from django.urls import reverse
from django.utils.timezone import now
from pypdf import PdfReader

from documents.models import Circulation
from tests.pdf import pdf_text

from .factories import IncomingFactory, NoticeFactory, OutgoingFactory

MM = 72 / 25.4


def test_incoming_processing_sheet(clerk, director, staff, client_for):
    document = IncomingFactory(
        title="关于开展防汛检查的通知",
        registered_by=clerk,
        status="handling",
        proposal="拟请主任阅示",
        instruction="请综合科牵头办理",
        instructed_by=director,
        instructed_at=now(),
        lead_handler=staff,
    )
    Circulation.objects.create(
        document=document, reader=staff, sent_by=clerk, read_at=now(), comment="已阅，同意"
    )
    response = client_for(clerk).get(reverse("documents:incoming_pdf", args=[document.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "收文处理单",
        "关于开展防汛检查的通知",
        "拟请主任阅示",
        "请综合科牵头办理",
        "传阅记录",
        "已阅，同意",
        document.number,
    ):
        assert expected in text


def test_outgoing_document_follows_gbt_9704(clerk, director, client_for):
    document = OutgoingFactory(
        title="关于做好元旦期间值班工作的通知",
        drafted_by=clerk,
        status="signed",
        number="办发〔2026〕12号",
        signed_by=director,
        signed_at=now(),
        main_recipients="各处室",
        copy_recipients="局领导",
        attachment_note="值班表",
        issuer="示范单位办公室",
    )
    response = client_for(clerk).get(reverse("documents:outgoing_pdf", args=[document.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    text = pdf_text(response.content)
    for expected in (
        "示范单位办公室文件",
        "办发〔2026〕12号",
        "关于做好元旦期间值班工作的通知",
        "各处室：",
        "附件：值班表",
        "抄送：局领导",
        "印发",
    ):
        assert expected in text
    page = reader.pages[0]
    assert round(float(page.mediabox.width) / MM) == 210
    assert round(float(page.mediabox.height) / MM) == 297
    # The header's red: the standard's red mark and separator line are drawn in red.
    content = page.get_contents().get_data()
    assert re.search(rb"(0\.8\d*|1) 0 0 (rg|RG)", content), "no red in the header"


def test_outgoing_margins_follow_the_standard(clerk, client_for):
    """Text starts 37 mm from the top and 28 mm from the left edge of the A4 page."""
    document = OutgoingFactory(
        drafted_by=clerk,
        status="signed",
        number="办发〔2026〕1号",
        signed_at=now(),
        body="正文第一段。",
    )
    response = client_for(clerk).get(reverse("documents:outgoing_pdf", args=[document.pk]))
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    xs, ys = [], []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])
            ys.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    assert min(xs) / MM >= 27.5
    assert (height - max(ys)) / MM >= 37


def test_signoff_sheet(clerk, director, client_for):
    document = OutgoingFactory(
        title="关于调整会议室使用规定的通知",
        drafted_by=clerk,
        status="signed",
        number="办发〔2026〕3号",
        signed_by=director,
        signed_at=now(),
        sign_note="同意印发",
    )
    response = client_for(clerk).get(reverse("documents:outgoing_sheet_pdf", args=[document.pk]))
    text = pdf_text(response.content)
    for expected in ("发文稿纸", "签发", "同意印发", "核稿", "拟稿", "办发〔2026〕3号"):
        assert expected in text


def test_notice_pdf(staff, clerk, client_for):
    notice = NoticeFactory(title="关于春节放假安排的通知", body="春节放假七天。", created_by=clerk)
    response = client_for(staff).get(reverse("documents:notice_pdf", args=[notice.pk]))
    text = pdf_text(response.content)
    assert "关于春节放假安排的通知" in text and "春节放假七天" in text
