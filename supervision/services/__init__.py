"""Every write to supervision items goes through these functions (other apps call them too)."""

from .chasing import note_add, note_reply, task_chase, tasks_chase
from .circulars import circular_request
from .extensions import extension_decide, extension_request
from .progress import (
    progress_report_add,
    task_completion_request,
    task_completion_return,
    task_completion_verify,
)
from .splitting import task_split
from .tasks import task_accept, task_cancel, task_create_from

__all__ = [
    "note_add",
    "note_reply",
    "task_chase",
    "task_split",
    "tasks_chase",
    "circular_request",
    "extension_decide",
    "extension_request",
    "progress_report_add",
    "task_accept",
    "task_cancel",
    "task_completion_request",
    "task_completion_return",
    "task_completion_verify",
    "task_create_from",
]
