from .board import index, task_create
from .chasing import board_chase, task_chase, task_note, task_pdf, task_reply, task_split
from .items import (
    attachment_download,
    extension_decide,
    extension_request,
    task_accept,
    task_cancel,
    task_complete,
    task_detail,
    task_report,
    task_return,
    task_verify,
)
from .stats import circular_list, circular_pdf, circular_request, statistics

__all__ = [
    "board_chase",
    "task_chase",
    "task_note",
    "task_pdf",
    "task_reply",
    "task_split",
    "attachment_download",
    "circular_list",
    "circular_pdf",
    "circular_request",
    "extension_decide",
    "extension_request",
    "index",
    "statistics",
    "task_accept",
    "task_cancel",
    "task_complete",
    "task_create",
    "task_detail",
    "task_report",
    "task_return",
    "task_verify",
]
