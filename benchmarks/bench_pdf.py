"""Render a two-page Chinese PDF with the shared renderer; report the median time."""

from benchmarks.common import median_seconds, report, setup_django

PARAGRAPH = (
    "根据《党政机关公文处理工作条例》，办公室负责本机关公文处理的组织、指导和协调工作。"
    "各部门应当严格执行公文的拟制、办理和管理制度，确保公文处理及时、准确、安全。"
)


def main() -> None:
    setup_django()
    from office.pdf import render_pdf

    context = {"title": "基准测试：两页中文文档", "paragraphs": [PARAGRAPH * 3] * 11}

    def render():
        return render_pdf("office/pdf/sample.html", context)

    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(render())).pages)
    report(
        f"PDF renderer (two-page Chinese document, {pages} pages)",
        [
            ("render_pdf two pages", median_seconds(render, repeat=9)),
        ],
    )


if __name__ == "__main__":
    main()
