from .materials import material_delete, material_download, material_upload
from .meetings import (
    attendance_record,
    meeting_cancel,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_guests_preregister,
    meeting_held,
    meeting_list,
    meeting_reply,
    meeting_schedule,
)
from .minutes import minutes_approve, minutes_page, minutes_pdf, minutes_return
from .rooms import board, room_edit, room_list
from .signin import sign_in, sign_in_screen

__all__ = [
    "attendance_record",
    "board",
    "meeting_cancel",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_guests_preregister",
    "meeting_held",
    "meeting_list",
    "meeting_reply",
    "meeting_schedule",
    "material_delete",
    "material_download",
    "material_upload",
    "minutes_approve",
    "minutes_page",
    "minutes_pdf",
    "minutes_return",
    "room_edit",
    "room_list",
    "sign_in",
    "sign_in_screen",
]
