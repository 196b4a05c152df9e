"""Reading PDFs in tests: the text a person would see, and the fonts it is drawn with."""

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """All pages' text, page after page."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_fonts(content: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names
