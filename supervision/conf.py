"""The supervision settings in one place (Django setting, else environment, else default).

The escalation ladder of an open item:
  yellow (≤ SUPERVISION_YELLOW_DAYS left, SUPERVISION_REMIND_DAYS_BEFORE) → a reminder to the owner;
  red (SUPERVISION_CHASE_AFTER_DAYS overdue)  → a chase to the owner and the department head;
  red for SUPERVISION_ESCALATE_AFTER_DAYS      → the director, and the month's circular names it.
Assessment (考评) per department and month: SUPERVISION_SCORE_BASE × on-time rate, less
SUPERVISION_SCORE_PER_OVERDUE_DAY per overdue day (at most SUPERVISION_SCORE_OVERDUE_CAP).
"""

from decimal import Decimal

from office.conf import setting


def remind_days_before() -> int:
    return setting("SUPERVISION_REMIND_DAYS_BEFORE", 3, int)


def chase_after_days() -> int:
    return setting("SUPERVISION_CHASE_AFTER_DAYS", 1, int)


def escalate_after_days() -> int:
    return setting("SUPERVISION_ESCALATE_AFTER_DAYS", 3, int)


def score_base() -> Decimal:
    return Decimal(str(setting("SUPERVISION_SCORE_BASE", Decimal("100"), Decimal)))


def score_per_overdue_day() -> Decimal:
    return Decimal(str(setting("SUPERVISION_SCORE_PER_OVERDUE_DAY", Decimal("0.5"), Decimal)))


def score_overdue_cap() -> Decimal:
    return Decimal(str(setting("SUPERVISION_SCORE_OVERDUE_CAP", Decimal("40"), Decimal)))
