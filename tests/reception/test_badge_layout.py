"""The badge PDF fits its 90 × 60 mm card: the red frame is drawn whole, nothing cut off."""

import io

import pdfplumber
import pytest
from django.urls import reverse

from reception import services
from tests.reception.factories import visit_with

MM = 72 / 25.4  # PDF points per millimetre


def _pages(content: bytes):
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [
            (page.width, page.height, list(page.rects), list(page.curves), page.extract_text())
            for page in pdf.pages
        ]


@pytest.mark.parametrize("count", [1, 3])
def test_each_badge_is_one_card_with_its_frame_inside(count, staff, receptionist, client_for):
    visit = visit_with(host=staff, visitors=count)
    for n, person in enumerate(visit.visitors.all()):
        services.visitor_check_in(visitor_id=person.pk, badge_number=f"B{n}", by=receptionist)
    response = client_for(receptionist).get(reverse("reception:badge_pdf", args=[visit.pk]))
    pages = _pages(response.content)
    assert len(pages) == count  # one card per visitor: no frame spills onto a page of its own
    for width, height, rects, curves, text in pages:
        assert round(width / MM) == 90 and round(height / MM) == 60
        shapes = rects + curves
        assert shapes, "the red frame is drawn"
        for shape in shapes:
            assert shape["x0"] >= 0 and shape["x1"] <= width
            assert shape["top"] >= 0 and shape["bottom"] <= height
        frame_bottom = max(shape["bottom"] for shape in shapes)
        assert frame_bottom <= height - 2 * MM  # a visible margin under the frame
        assert "访客" in text
