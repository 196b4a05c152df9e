"""Supervision's models: the items and what hangs off them (tasks), the monthly circular."""

from .circulars import Circular, circular_path
from .tasks import (
    Extension,
    Note,
    ProgressReport,
    ReportAttachment,
    Task,
    board_order,
    deadline_light,
    local_today,
    yellow_days,
)

__all__ = [
    "Circular",
    "Extension",
    "Note",
    "ProgressReport",
    "ReportAttachment",
    "Task",
    "board_order",
    "circular_path",
    "deadline_light",
    "local_today",
    "yellow_days",
]
