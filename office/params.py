"""GET parameters read the same way everywhere: a bad or far-off value is ignored with a
message and the default used, never a 500.

    day = date_param(request, "date", default=localdate())
    month = month_param(request, "month", default=localdate().replace(day=1))
    q = text_param(request, "q")
"""

import datetime
from urllib.parse import urlsplit

from django.contrib import messages
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from office.validators import date_window, is_plausible_date, strip_controls, strip_nul

# PostgreSQL integer / bigint bounds; a larger id can match no row.
MAX_INT = 2**31 - 1


def _ignored(request, name: str) -> None:
    if request is not None and hasattr(request, "_messages"):
        messages.warning(
            request,
            _("The value of “%(name)s” was not understood and is ignored.") % {"name": name},
        )


def parse_date(value) -> datetime.date | None:
    """'2026-11-30' -> date, inside date_window(); anything else -> None."""
    try:
        day = datetime.date.fromisoformat(strip_nul(str(value)).strip()[:10])
    except (TypeError, ValueError):
        return None
    return day if is_plausible_date(day) else None


def parse_month(value) -> datetime.date | None:
    """'2026-11' -> date(2026, 11, 1), inside date_window(); anything else -> None."""
    try:
        year, month = (int(part) for part in strip_nul(str(value)).strip().split("-"))
        first = datetime.date(year, month, 1)
    except (TypeError, ValueError, OverflowError):
        return None
    return first if is_plausible_date(first) else None


def date_param(request, name: str, default=None, *, data=None):
    """The GET date `name`; missing -> default silently, bad or out of window -> default and
    a message."""
    raw = (request.GET if data is None else data).get(name)
    if not raw:
        return default
    day = parse_date(raw)
    if day is None:
        _ignored(request, name)
        return default
    return day


def month_param(request, name: str, default=None, *, data=None):
    """The GET month `name` ('YYYY-MM') as its first day; like date_param otherwise."""
    raw = (request.GET if data is None else data).get(name)
    if not raw:
        return default
    month = parse_month(raw)
    if month is None:
        _ignored(request, name)
        return default
    return month


def int_param(request, name: str, default=None, *, minimum: int = 0, maximum: int = MAX_INT):
    """The GET integer `name` within [minimum, maximum]; else default (with a message)."""
    raw = strip_nul(request.GET.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > 12:
        _ignored(request, name)
        return default
    number = int(raw)
    if not minimum <= number <= maximum:
        _ignored(request, name)
        return default
    return number


def text_param(request, name: str, *, max_length: int = 100) -> str:
    """The GET text `name`: NUL and other control characters dropped, stripped, cut."""
    return strip_controls(request.GET.get(name) or "").strip()[:max_length]


__all__ = [
    "MAX_INT",
    "date_param",
    "date_window",
    "int_param",
    "month_or_404",
    "month_param",
    "next_url",
    "parse_date",
    "parse_month",
    "text_param",
]


def next_url(request, fallback: str) -> str:
    """The `next` of a POST (or GET) if it is a path of this portal, else the fallback:
    another site, a bare word ("foo") or a path that leads nowhere fall back."""
    target = strip_controls(request.POST.get("next") or request.GET.get("next") or "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return fallback
    try:
        resolve(urlsplit(target).path)
    except Resolver404:
        return fallback
    return target


def month_or_404(year: int, month: int) -> datetime.date:
    """A month named in a URL (<int:year>/<int:month>): outside the window -> 404."""
    first = parse_month(f"{year}-{month}") if year <= 9999 else None
    if first is None:
        raise Http404(_("No such month."))
    return first
