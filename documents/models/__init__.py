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
from .countersign import Countersign
from .incoming import IncomingAttachment, IncomingDocument
from .instructions import Instruction
from .notices import Notice, NoticeRead
from .outgoing import Distribution, OutgoingAttachment, OutgoingDocument, OutgoingVersion

__all__ = [
    "RESTRICTED_LEVELS",
    "AccessLog",
    "ArchiveRecord",
    "Circulation",
    "Countersign",
    "Distribution",
    "DocumentKind",
    "IncomingAttachment",
    "IncomingDocument",
    "Instruction",
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
