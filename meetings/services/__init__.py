"""Every write of the meetings app; one function per transition."""

from .afterwards import meeting_record_afterwards
from .attendance import attendance_record, invitation_reply, sign_in
from .cancelling import meeting_cancel
from .clashes import conflict_message
from .details import MeetingData
from .guests import meeting_guests_preregister
from .materials import material_add, material_remove
from .minutes import ResolutionData, minutes_approve, minutes_return, minutes_save, minutes_submit
from .rooms import room_deactivate, room_door_renew, room_save
from .scheduling import meeting_create, meeting_mark_held, meeting_schedule, meeting_update
from .series import series_cancel, series_gaps, series_readd

__all__ = [
    "MeetingData",
    "ResolutionData",
    "attendance_record",
    "conflict_message",
    "invitation_reply",
    "meeting_cancel",
    "meeting_create",
    "meeting_guests_preregister",
    "meeting_mark_held",
    "meeting_record_afterwards",
    "meeting_schedule",
    "meeting_update",
    "material_add",
    "material_remove",
    "minutes_approve",
    "minutes_return",
    "minutes_save",
    "minutes_submit",
    "room_deactivate",
    "room_door_renew",
    "room_save",
    "series_cancel",
    "series_gaps",
    "series_readd",
    "sign_in",
]
