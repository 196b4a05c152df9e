from .audit import AuditEvent
from .notifications import Notification
from .people import Department, User
from .reminders import Reminder

__all__ = ["AuditEvent", "Department", "Notification", "Reminder", "User"]
