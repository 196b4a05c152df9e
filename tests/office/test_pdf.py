"""The shared PDF renderer: Chinese text extractable and drawn with the named CJK font;
the URL fetcher serves the project's static files and nothing else."""

import io

import pytest
from django.template import engines
from pypdf import PdfReader

from office.pdf import ForbiddenResource, StaticOnlyFetcher, pdf_response, render_pdf, static_path
from tests.pdf import pdf_fonts, pdf_text


def test_chinese_text_is_extractable_and_uses_the_cjk_font():
    pdf = render_pdf(
        "office/pdf/sample.html",
        {"title": "关于做好值班工作的通知", "paragraphs": ["会议纪要、督办通报均可导出。"]},
    )
    text = pdf_text(pdf)
    assert "关于做好值班工作的通知" in text.replace(" ", "")
    assert "会议纪要、督办通报均可导出。" in text.replace(" ", "")
    assert any("WenQuanYi" in name for name in pdf_fonts(pdf)), pdf_fonts(pdf)


def test_fetcher_serves_static_files_only(tmp_path):
    assert static_path("https://static.invalid/office/pdf/base.css").endswith("base.css")
    assert static_path("https://static.invalid/static/office/pdf/base.css").endswith("base.css")
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    for url in [
        f"file://{secret}",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "https://example.com/x.css",
        "https://static.invalid/../../etc/passwd",
        "https://static.invalid/office/pdf/missing.css",
        "data:text/plain,hello",
    ]:
        with pytest.raises(ForbiddenResource):
            StaticOnlyFetcher().fetch(url)


def test_template_cannot_pull_in_local_files(tmp_path, settings):
    secret = tmp_path / "secret.css"
    secret.write_text("body::after { content: 'LEAKED-SECRET'; }")
    template = engines["django"].from_string(
        f'<html><head><link rel="stylesheet" href="file://{secret}"></head>'
        f'<body><p>正文</p><img src="file:///etc/hostname"></body></html>'
    )
    from weasyprint import HTML

    from office.pdf import STATIC_BASE

    pdf = HTML(
        string=template.render({}), base_url=STATIC_BASE, url_fetcher=StaticOnlyFetcher()
    ).write_pdf()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "正文" in text and "LEAKED" not in text


def test_pdf_response_headers():
    response = pdf_response(b"%PDF-1.7", "收文处理单.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename*=utf-8''")
    download = pdf_response(b"%PDF-1.7", "a.pdf", download=True)
    assert download["Content-Disposition"].startswith("attachment")
