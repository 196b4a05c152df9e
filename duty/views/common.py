"""Small helpers the duty views share."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from duty import selectors
from duty.permissions import can_view_duty
from office import params


def require_duty_access(user) -> None:
    """Pages without a record: duty people and the director only (others get 403)."""
    if not can_view_duty(user):
        raise PermissionDenied


def shift_or_404(user, pk: int):
    return get_object_or_404(selectors.shifts_for(user).select_related("handover"), pk=pk)


def parse_month(value: str | None, today: date) -> date:
    """'2026-11' -> date(2026, 11, 1); anything unreadable or far off -> this month."""
    return params.parse_month(value) or today.replace(day=1)


def shift_month(month: date, step: int) -> date:
    index = month.year * 12 + month.month - 1 + step
    return date(index // 12, index % 12 + 1, 1)
