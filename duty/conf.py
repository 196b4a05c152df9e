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


def handover_window_minutes() -> int:
    """The handover can be filed from this many minutes before the shift ends."""
    return setting("DUTY_HANDOVER_WINDOW_MINUTES", 60, int)


def roster_horizon_days() -> int:
    """Coverage is checked for this many days from today."""
    return setting("DUTY_ROSTER_HORIZON_DAYS", 31, int)


def max_continuous_hours() -> int:
    """Longest continuous duty (back-to-back shifts) before a warning."""
    return setting("DUTY_MAX_CONTINUOUS_HOURS", 16, int)


def min_rest_hours() -> int:
    """Least rest between two shifts of one person before a warning."""
    return setting("DUTY_MIN_REST_HOURS", 8, int)


# Minutes an alerted person has to acknowledge an incident before the next step, per grade.
ACK_MINUTES_DEFAULT = {"general": 60, "major": 15, "serious": 10, "critical": 5}


def ack_minutes(grade: str) -> int:
    return setting(f"DUTY_ACK_MINUTES_{grade.upper()}", ACK_MINUTES_DEFAULT[grade], int)


def escalation_repeats() -> int:
    """After the last person of a chain: alert again this many times, until acknowledged."""
    return setting("DUTY_ESCALATION_REPEATS", 3, int)
