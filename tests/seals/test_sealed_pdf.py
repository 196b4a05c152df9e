"""The sealed 红头文件: the seal where GB/T 9704 7.3.5.1 puts it, signed (PAdES) so that any
change shows; measured on the PDF (pdfplumber) and checked by pyHanko's own validator."""

import io

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from seals import services, signing
from tests.documents.factories import OutgoingFactory

pytestmark = pytest.mark.django_db

MM = 72 / 25.4
P = 225 / 22  # line pitch, mm
UNIT = 156 / 28  # one grid character, mm
RIGHT = 28 + 156  # the 版心's right edge, mm from the page's left


def _sealed(clerk, director, seal, document) -> bytes:
    request = services.request_create(
        by=clerk, seal=seal, purpose="印发", copies=1, document=document
    )
    services.request_approve(request_id=request.pk, by=director)
    return services.request_apply(request_id=request.pk, by=clerk).sealed_pdf.read()


def _rows(page):
    grouped = {}
    for char in page.chars:
        grouped.setdefault(round(char["top"], 1), []).append(char)
    rows = []
    for top in sorted(grouped):
        chars = sorted(grouped[top], key=lambda c: c["x0"])
        rows.append(
            {
                "text": "".join(c["text"] for c in chars),
                "top": top / MM,
                "bottom": chars[0]["bottom"] / MM,
                "x0": chars[0]["x0"] / MM,
                "x1": chars[-1]["x1"] / MM,
            }
        )
    return rows


@pytest.mark.parametrize("attachments", ["", "会议日程安排"])
def test_the_seal_sits_over_the_signature_and_date_as_gbt9704_says(
    clerk, director, seal, issued, attachments
):
    issued.attachment_note = attachments
    issued.save()
    pdf = _sealed(clerk, director, seal, issued)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = next(p for p in document.pages if p.images)
        image = page.images[0]
        rows = _rows(page)
    x0, top, x1, bottom = (image[k] / MM for k in ("x0", "top", "x1", "bottom"))
    name = next(r for r in rows if r["text"] == issued.issuer)
    date = next(r for r in rows if r["text"].endswith("日") and r["text"][:4].isdigit())
    above = [r for r in rows if r["bottom"] <= name["top"] and r["top"] > 50]
    text_end = above[-1]  # the last line of the body or of the 附件说明
    # Upright and round, the seal's size.
    assert x1 - x0 == pytest.approx(seal.diameter_mm, abs=0.2)
    assert bottom - top == pytest.approx(seal.diameter_mm, abs=0.2)
    # 成文日期右空四字; the 署名 centred over the date; the seal centred over both.
    assert RIGHT - date["x1"] == pytest.approx(4 * UNIT, abs=0.6)
    assert (name["x0"] + name["x1"]) / 2 == pytest.approx((date["x0"] + date["x1"]) / 2, abs=0.6)
    assert (x0 + x1) / 2 == pytest.approx((date["x0"] + date["x1"]) / 2, abs=0.6)
    # The two lines lie inside the seal, their middle slightly below its centre.
    centre = (top + bottom) / 2
    middle = (name["top"] + date["bottom"]) / 2
    assert 0.5 < middle - centre < 6
    assert top < name["top"] and date["bottom"] < bottom
    # The seal's top within one line under the text above it, not on it.
    assert 0 <= top - text_end["bottom"] <= P
    if attachments:
        assert text_end["text"].startswith("附件")


def test_the_seal_is_red_and_no_unsealed_pdf_carries_it(clerk, director, seal, issued, client_for):
    pdf = _sealed(clerk, director, seal, issued)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = next(p for p in document.pages if p.images)
        stream = page.images[0]["stream"]
        width, height = stream["Width"], stream["Height"]
        rgb = Image.frombytes("RGB", (width, height), stream.get_data())
        alpha = Image.frombytes("L", (width, height), stream["SMask"].resolve().get_data())
    inked = [
        rgb.getpixel((x, y))
        for x in range(0, width, 7)
        for y in range(0, height, 7)
        if alpha.getpixel((x, y)) > 128
    ]
    assert len(inked) > 100
    assert all(red > 200 and green < 40 and blue < 60 for red, green, blue in inked)
    plain = client_for(clerk).get(reverse("documents:outgoing_pdf", args=[issued.pk])).content
    with pdfplumber.open(io.BytesIO(plain)) as document:
        assert not any(p.images for p in document.pages)


def _validate(data: bytes):
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    signature = reader.embedded_signatures[0]
    trust = ValidationContext(trust_roots=[signing._our_certificate()], allow_fetching=False)
    return validate_pdf_signature(signature, trust)


def test_pyhanko_reports_the_sealed_pdf_intact_then_broken_after_one_byte(
    clerk, director, seal, issued
):
    pdf = _sealed(clerk, director, seal, issued)
    status = _validate(pdf)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    # One byte inside the page's content stream (covered by the signature) changed.
    offset = pdf.index(b"stream", len(pdf) // 4) + 100
    changed = bytearray(pdf)
    changed[offset] ^= 0x01
    broken = _validate(bytes(changed))
    assert not broken.intact
    assert not broken.bottom_line
    verdict = signing.verify_pdf(bytes(changed))
    assert verdict.signed and not verdict.intact and not verdict.genuine


def test_the_verify_page_names_the_document_and_the_approver(
    clerk, director, seal, issued, client_for
):
    pdf = _sealed(clerk, director, seal, issued)
    client = client_for(clerk)
    upload = SimpleUploadedFile("x.pdf", pdf, content_type="application/pdf")
    page = client.post(reverse("seals:verify"), {"pdf": upload}).content.decode()
    assert 'id="verdict" class="alert alert-success"' in page
    assert issued.number in page and director.display_name in page
    changed = bytearray(pdf)
    changed[pdf.index(b"stream", len(pdf) // 4) + 100] ^= 0x01
    upload = SimpleUploadedFile("x.pdf", bytes(changed), content_type="application/pdf")
    page = client.post(reverse("seals:verify"), {"pdf": upload}).content.decode()
    assert "alert-danger" in page and issued.number not in page


def test_the_verify_page_says_an_unsigned_or_foreign_pdf_is_not_ours(clerk, client_for):
    plain = client_for(clerk).get(
        reverse("documents:outgoing_pdf", args=[OutgoingFactory(drafted_by=clerk).pk])
    )
    upload = SimpleUploadedFile("x.pdf", plain.content, content_type="application/pdf")
    page = client_for(clerk).post(reverse("seals:verify"), {"pdf": upload}).content.decode()
    assert "alert-danger" in page
    upload = SimpleUploadedFile("x.pdf", b"hello", content_type="application/pdf")
    response = client_for(clerk).post(reverse("seals:verify"), {"pdf": upload})
    assert response.status_code == 200 and "verdict" not in response.content.decode()


@pytest.mark.parametrize("diameter", [38, 40, 42, 45, 50])
def test_the_seal_top_is_always_within_one_line_of_the_text(diameter):
    from office import gbt9704 as g

    lines = g.sealed_signature_lines("示范单位办公室", "2026年12月31日")
    place = g.seal_placement(lines, diameter)
    # From the last text glyph's bottom (LEAD_3 above its line's bottom) to the seal's top.
    gap = place["blanks"] * g.PITCH + place["top"] + g.LEAD_3
    assert 0 <= gap < g.PITCH


def test_a_render_fetches_only_the_in_memory_files_it_was_given():
    from office.pdf import ForbiddenResource, StaticOnlyFetcher, inline_url

    fetcher = StaticOnlyFetcher(resources={"seal.png": (b"png", "image/png")})
    assert fetcher.fetch(inline_url("seal.png")).read() == b"png"
    with pytest.raises(ForbiddenResource):
        StaticOnlyFetcher().fetch(inline_url("seal.png"))
