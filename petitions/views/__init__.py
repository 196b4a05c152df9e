from .pages import detail, index, register
from .stats import statistics, statistics_xlsx
from .steps import (
    accept,
    assign,
    extension_decide,
    extension_request,
    notice_pdf,
    notice_sent,
    reject,
    reply,
    review_record,
    review_request,
    satisfaction,
)

__all__ = [
    "accept",
    "assign",
    "detail",
    "extension_decide",
    "extension_request",
    "index",
    "notice_pdf",
    "notice_sent",
    "register",
    "reject",
    "reply",
    "review_record",
    "review_request",
    "satisfaction",
    "statistics",
    "statistics_xlsx",
]
