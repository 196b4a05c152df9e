"""Personal data helpers shared by the apps that hold it (reception's visitors, petitioners):
ID number masking and checks, phone number checks, masks for names, phones and addresses.

Mainland resident ID numbers follow GB 11643-1999: 17 digits (area, birth date, sequence)
and a check character from ISO 7064 MOD 11-2, which may be X.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_RESIDENT_ID = re.compile(r"^\d{17}[\dX]$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area code 0xx or 0xxx, then a 7- or 8-digit number not starting with 0 or 1, extension optional.
_LANDLINE = re.compile(r"^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$")
_OTHER_ID = re.compile(r"^[A-Za-z0-9()（）\-]{5,40}$")


def mask_id_number(value: str) -> str:
    """`110101199003071234` -> `1101**********1234`; short numbers keep only their last two."""
    value = value or ""
    if not value:
        return ""
    if len(value) > 8:
        return value[:4] + "*" * (len(value) - 8) + value[-4:]
    return "*" * (len(value) - 2) + value[-2:]


def mask_phone(value: str) -> str:
    """`13812345678` -> `138****5678`; a short number keeps only its last two."""
    value = value or ""
    if len(value) >= 7:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return "*" * max(0, len(value) - 2) + value[-2:] if value else ""


def mask_name(value: str) -> str:
    """`张晓明` -> `张**`: the surname only."""
    value = value or ""
    return value[:1] + "*" * (len(value) - 1) if value else ""


def mask_address(value: str) -> str:
    """The first six characters (province, city, county), the rest hidden."""
    value = value or ""
    return value[:6] + "****" if len(value) > 6 else ("****" if value else "")


def resident_id_check_char(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def clean_resident_id(value: str) -> str:
    """Normalise (upper-case X, no spaces) and check format, birth date and checksum."""
    value = re.sub(r"\s", "", value or "").upper()
    if not _RESIDENT_ID.match(value):
        raise ValidationError(
            _("A resident ID number has 18 characters: 17 digits and a digit or X."),
            code="id_format",
        )
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < 1900 or born > date.today():
        raise ValidationError(
            _("The birth date inside this resident ID number is not valid."), code="id_birth"
        )
    if resident_id_check_char(value[:17]) != value[17]:
        raise ValidationError(
            _("This resident ID number is not valid: its check character does not match."),
            code="id_checksum",
        )
    return value


def clean_other_id(value: str) -> str:
    value = re.sub(r"\s", "", value or "").upper()
    if not _OTHER_ID.match(value):
        raise ValidationError(
            _("The document number may contain only letters, digits and hyphens (5 to 40)."),
            code="id_format",
        )
    return value


def clean_phone(value: str) -> str:
    """A mainland mobile (1[3-9] + 9 digits) or a landline with its area code (010-12345678)."""
    value = re.sub(r"[\s()（）]", "", value or "")
    if value.startswith("+86"):
        value = value[3:]
    if not value:
        return ""
    if _MOBILE.match(value) or _LANDLINE.match(value):
        return value
    raise ValidationError(
        _(
            "Enter a mobile number (11 digits starting with 13 to 19) "
            "or a landline with its area code, such as 010-12345678."
        ),
        code="phone",
    )
