"""Every write of the petitions app: one function per step, locked, checked and audited."""

from .handling import (
    extension_request,
    petition_assign,
    petition_reply,
    review_record,
    review_request,
    satisfaction_record,
)
from .registration import (
    PetitionData,
    notice_record_sent,
    personal_data_purge,
    petition_accept,
    petition_register,
    petition_reject,
)

__all__ = [
    "PetitionData",
    "extension_request",
    "notice_record_sent",
    "personal_data_purge",
    "petition_accept",
    "petition_assign",
    "petition_register",
    "petition_reject",
    "petition_reply",
    "review_record",
    "review_request",
    "satisfaction_record",
]
