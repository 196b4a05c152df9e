"""Every write of the reception app; one function per transition."""

from .arrangements import (
    arrangement_approve,
    arrangement_cancel,
    arrangement_complete,
    arrangement_create,
    arrangement_reject,
    arrangement_update,
)
from .cancelling import meeting_visits_cancel, visit_cancel, visit_mark_no_show
from .rollcall import roll_call_close, roll_call_mark, roll_call_start
from .sweep import end_of_day_due, id_numbers_purge, visitor_flag_not_checked_out
from .visitors import visitor_add
from .visits import (
    VisitorData,
    visit_register,
    visit_update,
    visitor_check_in,
    visitor_check_out,
    walk_in_register,
)
from .watchlist import WatchListWarning, watch_entry_add, watch_entry_remove, watch_list_matches

__all__ = [
    "VisitorData",
    "WatchListWarning",
    "arrangement_approve",
    "arrangement_cancel",
    "arrangement_complete",
    "arrangement_create",
    "arrangement_reject",
    "arrangement_update",
    "end_of_day_due",
    "roll_call_close",
    "roll_call_mark",
    "roll_call_start",
    "id_numbers_purge",
    "meeting_visits_cancel",
    "visit_cancel",
    "visit_mark_no_show",
    "visit_register",
    "visit_update",
    "visitor_check_in",
    "visitor_add",
    "visitor_check_out",
    "visitor_flag_not_checked_out",
    "walk_in_register",
    "watch_entry_add",
    "watch_entry_remove",
    "watch_list_matches",
]
