from .door import room_door
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
from .rooms import board, room_deactivate, room_door_renew, room_edit, room_list
from .series import meeting_record_afterwards, room_booking_decide, series_readd
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
    "meeting_record_afterwards",
    "meeting_reply",
    "meeting_schedule",
    "material_delete",
    "material_download",
    "material_upload",
    "minutes_approve",
    "minutes_page",
    "minutes_pdf",
    "minutes_return",
    "room_booking_decide",
    "room_deactivate",
    "room_door_renew",
    "room_door",
    "room_edit",
    "room_list",
    "series_readd",
    "sign_in",
    "sign_in_screen",
]
