"""ID numbers: GB 11643 checksum, masking; phone numbers: mobile and landline."""

import pytest
from django.core.exceptions import ValidationError

from office.identity import clean_phone, clean_resident_id, mask_id_number
from tests.reception.factories import VALID_IDS


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_resident_ids_pass(number):
    assert clean_resident_id(number) == number


def test_lower_case_x_is_normalised():
    assert clean_resident_id("11010519491231002x") == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110101199003074478", "id_checksum"),  # last character wrong
        ("11010519491231002Y", "id_format"),
        ("1101011990030744", "id_format"),  # 16 characters
        ("110101199013074470", "id_birth"),  # month 13
        ("", "id_format"),
    ],
)
def test_invalid_resident_ids_are_refused(number, code):
    with pytest.raises(ValidationError) as exc:
        clean_resident_id(number)
    assert exc.value.code == code


def test_mask_keeps_first_and_last_four():
    assert mask_id_number("110101199003071233") == "1101**********1233"
    assert mask_id_number("E1234567") == "******67"
    assert mask_id_number("") == ""


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("13812345678", "13812345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("010-62345678", "010-62345678"),
        ("0755-8765432", "0755-8765432"),
        ("(010)62345678", "01062345678"),
        ("", ""),
    ],
)
def test_valid_phones(raw, clean):
    assert clean_phone(raw) == clean


@pytest.mark.parametrize("raw", ["12812345678", "1381234567", "62345678", "010-0234567", "abc"])
def test_invalid_phones(raw):
    with pytest.raises(ValidationError):
        clean_phone(raw)
