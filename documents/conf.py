"""The documents app's settings (Django setting, else environment, else default)."""

import json

from django.conf import settings

from office.conf import setting


def outgoing_series() -> dict[str, str]:
    """Series key -> number prefix, e.g. {"ban": "办发"} gives 办发〔2026〕12号."""
    value = setting("DOCUMENTS_OUTGOING_SERIES", {"ban": "办发", "banhan": "办函"}, json.loads)
    return dict(value)


def incoming_prefix() -> str:
    return setting("DOCUMENTS_INCOMING_PREFIX", "收文", str)


def issuing_office() -> str:
    """The name printed in red at the top of outgoing documents (GB/T 9704 版头)."""
    return setting("DOCUMENTS_ISSUING_OFFICE", settings.ORGANISATION_NAME, str)


def fonds_code() -> str:
    """全宗号 used in archive codes (DA/T 22)."""
    return setting("DOCUMENTS_FONDS_CODE", "Z001", str)


def read_chase_hours() -> int:
    """Hours after which an unread circulation is chased by a reminder."""
    return setting("DOCUMENTS_READ_CHASE_HOURS", 48, int)


def format_number(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}〔{year}〕{serial}号"
