"""The outgoing draft form and the review / sign-off notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.conf import outgoing_series
from documents.models import OutgoingDocument
from office.uploads import MultipleFileField

from .common import ATTACHMENT_TYPES, StaffMultipleChoiceField, TextCleaningMixin


class OutgoingForm(TextCleaningMixin, forms.ModelForm):
    series = forms.ChoiceField(label=_("Series"))
    internal_recipients = StaffMultipleChoiceField(
        label=_("Internal recipients"),
        required=False,
        help_text=_("They receive the issued document in their inbox."),
    )
    attachments = MultipleFileField(allowed=ATTACHMENT_TYPES, label=_("Attachments"))

    class Meta:
        model = OutgoingDocument
        fields = [
            "series",
            "title",
            "kind",
            "urgency",
            "security_level",
            "main_recipients",
            "copy_recipients",
            "body",
            "attachment_note",
            "keywords",
            "copies",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14}),
            "attachment_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].choices = [
            (key, f"{prefix}〔年〕号") for key, prefix in outgoing_series().items()
        ]
        self.fields["body"].required = True

    def clean_copies(self):
        copies = self.cleaned_data["copies"]
        if copies < 1 or copies > 99999:
            raise forms.ValidationError(_("Copies must be between 1 and 99999."))
        return copies


class NoteForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(
        label=_("Opinion"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
