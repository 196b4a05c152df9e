"""The 红头文件 PDF of an outgoing document for other apps (seals applies the office seal)."""

from documents.models import OutgoingDocument
from office.gbt9704 import render_official
from office.pdf import inline_url

SEAL_NAME = "seal.png"


def outgoing_sealed_pdf(
    *, document: OutgoingDocument, seal_png: bytes, diameter_mm: float
) -> bytes:
    """The document laid out after GB/T 9704 with the seal image over its 署名 and 成文日期.
    The caller (seals) has checked that an approved request allows this use of the seal."""
    from documents.views.official import outgoing_context

    context = outgoing_context(
        document, seal={"url": inline_url(SEAL_NAME), "diameter_mm": diameter_mm}
    )
    return render_official(
        "documents/pdf/outgoing.html",
        context,
        resources={SEAL_NAME: (seal_png, "image/png")},
    )
