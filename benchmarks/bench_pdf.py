"""Render PDFs with the shared renderer; report median warm times.

- a two-page Chinese document (office/pdf/sample.html);
- a 3-page GB/T 9704 outgoing document (版记 moved to page 4: the odd-page case), as the
  outgoing PDF view renders it (grid line breaking, layout, 版记 parity check, write).
"""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from benchmarks.common import median_seconds, report, setup_django

PARAGRAPH = (
    "根据《党政机关公文处理工作条例》，办公室负责本机关公文处理的组织、指导和协调工作。"
    "各部门应当严格执行公文的拟制、办理和管理制度，确保公文处理及时、准确、安全。"
)


def _outgoing():
    from documents.models import OutgoingDocument

    body = "一、提高思想认识。" + PARAGRAPH + "\n（一）明确责任分工。" + PARAGRAPH
    return OutgoingDocument(
        title="关于做好元旦春节期间值班值守工作的通知",
        kind="notice",
        number="示办发〔2026〕12号",
        issuer="示范单位办公室",
        main_recipients="各处室、各直属单位",
        copy_recipients="局领导",
        security_level="secret",
        urgency="extra_urgent",
        attachment_note="值班安排表",
        body=body + "\n" + "\n".join([PARAGRAPH * 2] * 4),
        signed_at=datetime(2026, 1, 5, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
    )


def main() -> None:
    setup_django()
    from pypdf import PdfReader

    from documents.views.official import outgoing_context
    from office.gbt9704 import render_official
    from office.pdf import render_pdf

    context = {"title": "基准测试：两页中文文档", "paragraphs": [PARAGRAPH * 3] * 11}

    def render():
        return render_pdf("office/pdf/sample.html", context)

    document = _outgoing()

    def render_gbt():
        return render_official("documents/pdf/outgoing.html", outgoing_context(document))

    pages = len(PdfReader(io.BytesIO(render())).pages)
    gbt_pages = len(PdfReader(io.BytesIO(render_gbt())).pages)
    report(
        f"PDF renderer (Chinese document, {pages} pages; GB/T 9704 document, {gbt_pages} pages)",
        [
            ("render_pdf two pages", median_seconds(render, repeat=9)),
            (f"GB/T 9704 outgoing, {gbt_pages} pages", median_seconds(render_gbt, repeat=9)),
        ],
    )


if __name__ == "__main__":
    main()
