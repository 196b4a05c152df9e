"""Input checks shared by every app's forms: text and the plausible-date window."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from office.conf import setting

# Whitespace controls that pasted text carries (Word's soft line break is \x0b, a page break
# \x0c, Unicode line/paragraph separators): they become a plain line break.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_MARKUP = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style)\b", re.IGNORECASE)


def normalise_text(value: str) -> str:
    """Line breaks of every kind as "\\n"; nothing else changes."""
    return _LINE_BREAKS.sub("\n", value or "")


def strip_nul(value: str) -> str:
    """PostgreSQL refuses NUL in text: search terms and filters drop it."""
    return (value or "").replace("\x00", "")


def strip_controls(value: str) -> str:
    """Drop NUL and the other control characters (GET parameters, search terms)."""
    return _CONTROL.sub("", normalise_text(value))


def clean_text(value: str) -> str:
    """Strip, normalise line breaks, refuse other control characters and active markup
    (templates escape the rest)."""
    value = normalise_text(value).strip()
    if _CONTROL.search(value):
        raise ValidationError(_("The text contains control characters."), code="control")
    if _MARKUP.search(value):
        raise ValidationError(_("Scripts and embedded content are not allowed."), code="markup")
    return value


def date_window() -> tuple[datetime.date, datetime.date]:
    """The dates a form or a GET parameter may name: 1 January of OFFICE_DATE_MIN_YEAR (2000)
    to 31 December, OFFICE_DATE_YEARS_AHEAD (10) years from now. One place, so every form,
    filter and board agrees; it keeps far dates (0001, 9999) away from date arithmetic."""
    first_year = setting("OFFICE_DATE_MIN_YEAR", 2000, int)
    last_year = timezone.localdate().year + setting("OFFICE_DATE_YEARS_AHEAD", 10, int)
    return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)


def is_plausible_date(value) -> bool:
    """True for a date or datetime inside date_window()."""
    if isinstance(value, datetime.datetime):
        try:
            value = timezone.localtime(value) if timezone.is_aware(value) else value
        except OverflowError:  # 9999-12-31 23:00 UTC has no local time
            return False
        value = value.date()
    first, last = date_window()
    return first <= value <= last


def validate_plausible_date(value) -> None:
    """Form-field validator for date and datetime fields."""
    if value is None or is_plausible_date(value):
        return
    first, last = date_window()
    raise ValidationError(
        _("Enter a date between %(first)s and %(last)s."),
        params={"first": date_format(first), "last": date_format(last)},
        code="implausible_date",
    )
