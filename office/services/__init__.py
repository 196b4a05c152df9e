"""Shared services every app calls: audit, notify, reminders."""

from .audit import audit
from .notifications import notify
from .reminders import reminder_schedule, reminders_cancel

__all__ = ["audit", "notify", "reminder_schedule", "reminders_cancel"]
