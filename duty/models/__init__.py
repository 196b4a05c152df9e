from .handover import Handover, HandoverItem
from .log import Incident, IncidentAcknowledgement, LogEntry
from .preferences import DutyPreference
from .roster import Assignment, Post, Shift, ShiftTemplate, SwapRequest
from .spending import SpendRequest

__all__ = [
    "Assignment",
    "DutyPreference",
    "Handover",
    "HandoverItem",
    "Incident",
    "IncidentAcknowledgement",
    "LogEntry",
    "Post",
    "Shift",
    "ShiftTemplate",
    "SpendRequest",
    "SwapRequest",
]
