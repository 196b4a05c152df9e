from .board import board, reminders
from .exports import roster_pdf, roster_xlsx
from .handover import (
    handover_accept,
    handover_detail,
    handover_dispute,
    handover_edit,
    handover_file,
    handover_list,
    handover_pdf,
)
from .roster import assignment_add, assignment_remove, index, roster, roster_generate
from .setup import setup
from .shift import (
    follow_up_done,
    incident_acknowledge,
    incident_add,
    incident_detail,
    incident_resolve,
    log_add,
    log_list,
    my_shift,
    shift_detail,
)
from .spending import spend_add, spend_decide, spend_detail, spend_list
from .swaps import swap_act, swap_create, swap_detail, swap_list

__all__ = [
    "assignment_add",
    "assignment_remove",
    "board",
    "follow_up_done",
    "handover_accept",
    "handover_detail",
    "handover_dispute",
    "handover_edit",
    "handover_file",
    "handover_list",
    "handover_pdf",
    "incident_acknowledge",
    "incident_add",
    "incident_detail",
    "incident_resolve",
    "index",
    "log_add",
    "log_list",
    "reminders",
    "my_shift",
    "roster",
    "roster_generate",
    "roster_pdf",
    "roster_xlsx",
    "setup",
    "shift_detail",
    "spend_add",
    "spend_decide",
    "spend_detail",
    "spend_list",
    "swap_act",
    "swap_create",
    "swap_detail",
    "swap_list",
]
