from .archive import ArchiveRecord, Retention
from .circulation import Circulation
from .common import (
    RESTRICTED_LEVELS,
    AccessLog,
    DocumentKind,
    SecurityLevel,
    SerialCounter,
    Urgency,
)
from .incoming import IncomingAttachment, IncomingDocument
from .notices import Notice, NoticeRead
from .outgoing import Distribution, OutgoingAttachment, OutgoingDocument, OutgoingVersion

__all__ = [
    "RESTRICTED_LEVELS",
    "AccessLog",
    "ArchiveRecord",
    "Circulation",
    "Distribution",
    "DocumentKind",
    "IncomingAttachment",
    "IncomingDocument",
    "Notice",
    "NoticeRead",
    "OutgoingAttachment",
    "OutgoingDocument",
    "OutgoingVersion",
    "Retention",
    "SecurityLevel",
    "SerialCounter",
    "Urgency",
]
