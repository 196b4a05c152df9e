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
from .outgoing import CountersignerForm, CountersignForm, NoteForm, OutgoingForm

__all__ = [
    "AccessGrantForm",
    "ArchiveForm",
    "AttachmentForm",
    "CompleteForm",
    "CountersignForm",
    "CountersignerForm",
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
