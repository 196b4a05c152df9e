"""Input checks shared by every app's forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<\s*/?\s*(script|iframe|object|embed|style)\b", re.IGNORECASE)


def clean_text(value: str) -> str:
    """Strip, refuse control characters and active markup (templates escape the rest)."""
    value = (value or "").strip()
    if _CONTROL.search(value):
        raise ValidationError(_("The text contains control characters."), code="control")
    if _MARKUP.search(value):
        raise ValidationError(_("Scripts and embedded content are not allowed."), code="markup")
    return value
