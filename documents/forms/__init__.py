from office.forms import ReasonForm

from .common import (
    AccessGrantForm,
    ArchiveForm,
    AttachmentForm,
    FilterForm,
)
from .incoming import (
    CompleteForm,
    IncomingRegisterForm,
    InstructionForm,
    ProposalForm,
    ReaderFormSet,
    ReadForm,
    ResultForm,
)
from .notices import NoticeForm
from .outgoing import NoteForm, OutgoingForm

__all__ = [
    "AccessGrantForm",
    "ArchiveForm",
    "AttachmentForm",
    "CompleteForm",
    "FilterForm",
    "IncomingRegisterForm",
    "InstructionForm",
    "NoteForm",
    "NoticeForm",
    "OutgoingForm",
    "ProposalForm",
    "ReadForm",
    "ReaderFormSet",
    "ReasonForm",
    "ResultForm",
]
