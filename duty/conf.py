"""The duty app's settings (Django setting, else environment variable, else default)."""

from decimal import Decimal

from office.conf import setting


def officer_limit() -> Decimal:
    return setting("DUTY_OFFICER_LIMIT", Decimal("500"), Decimal)


def leader_limit() -> Decimal:
    return setting("DUTY_LEADER_LIMIT", Decimal("2000"), Decimal)


def handover_grace_minutes() -> int:
    """Minutes after a shift's end before the outgoing officers are reminded."""
    return setting("DUTY_HANDOVER_GRACE_MINUTES", 30, int)


def handover_escalate_minutes() -> int:
    """Minutes after a shift's end before the shift leader is told the handover is late."""
    return setting("DUTY_HANDOVER_ESCALATE_MINUTES", 60, int)


def remind_day_before_hour() -> int:
    """Local hour on the day before a shift at which its people are reminded."""
    return setting("DUTY_REMIND_DAY_BEFORE_HOUR", 18, int)


def remind_before_minutes() -> int:
    return setting("DUTY_REMIND_BEFORE_MINUTES", 60, int)
