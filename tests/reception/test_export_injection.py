"""The visitor log export: a name or organisation that starts with "=" is a text cell."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reception.factories import visit_with

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'


def test_visitor_name_and_organisation_are_never_formulas(staff, receptionist, client_for):
    visit = visit_with(host=staff, organisation=FORMULA)
    visit.visitors.update(name=FORMULA)
    response = client_for(receptionist).get(reverse("reception:log_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    name, organisation = row[2], row[3]
    assert (name.value, name.data_type) == (FORMULA, "s")
    assert (organisation.value, organisation.data_type) == (FORMULA, "s")
