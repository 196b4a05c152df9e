from .approvals import ApprovalChain, ApprovalStep
from .audit import AuditEvent
from .files import GeneratedFile
from .notifications import Notification
from .outbox import OutboxMessage
from .people import Department, User
from .reminders import Reminder

__all__ = [
    "ApprovalChain",
    "ApprovalStep",
    "AuditEvent",
    "GeneratedFile",
    "Department",
    "Notification",
    "OutboxMessage",
    "Reminder",
    "User",
]
