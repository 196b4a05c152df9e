"""The outgoing draft form and the review / sign-off notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.conf import outgoing_series
from documents.models import OutgoingDocument
from office.models import Department
from office.uploads import MultipleFileField
from office.widgets import DepartmentMultiPicker

from .common import (
    ATTACHMENT_TYPES,
    StaffChoiceField,
    StaffMultipleChoiceField,
    TextCleaningMixin,
)


class OutgoingForm(TextCleaningMixin, forms.ModelForm):
    series = forms.ChoiceField(label=_("Series"))
    internal_recipients = StaffMultipleChoiceField(
        label=_("Internal recipients"),
        required=False,
        help_text=_("They receive the issued document in their inbox."),
    )
    attachments = MultipleFileField(allowed=ATTACHMENT_TYPES, label=_("Attachments"))
    countersign_departments = forms.ModelMultipleChoiceField(
        label=_("Countersigning departments"),
        queryset=Department.objects.all(),
        required=False,
        widget=DepartmentMultiPicker,
        help_text=_("Their heads sign it (会签), each with an opinion, before it is signed off."),
    )

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
        if self.instance.pk:
            self.fields["countersign_departments"].initial = [
                row.department_id for row in self.instance.countersigns.all()
            ]

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


class CountersignForm(TextCleaningMixin, forms.Form):
    opinion = forms.CharField(
        label=_("Countersign opinion"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CountersignerForm(forms.Form):
    person = StaffChoiceField(label=_("Signs for the department"))

    def __init__(self, *args, department=None, **kwargs):
        super().__init__(*args, **kwargs)
        if department is not None:
            field = self.fields["person"]
            field.queryset = field.queryset.filter(department=department)
