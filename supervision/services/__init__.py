"""Every write to supervision items goes through these functions (other apps call them too)."""

from .circulars import circular_request
from .extensions import extension_decide, extension_request
from .progress import (
    progress_report_add,
    task_completion_request,
    task_completion_return,
    task_completion_verify,
)
from .tasks import task_accept, task_cancel, task_create_from

__all__ = [
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
