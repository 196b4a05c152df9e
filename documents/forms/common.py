"""Form pieces shared by the documents app's forms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents.models import DocumentKind, Retention, SecurityLevel
from office import uploads
from office.forms import TextCleaningMixin
from office.widgets import PeopleMultiPicker, PeoplePicker

from ..selectors import staff_choices

ATTACHMENT_TYPES = {"pdf", "jpg", "jpeg", "png", "tif", "tiff", "docx", "doc", "xlsx", "xls", "ofd"}


class StaffChoiceField(forms.ModelChoiceField):
    widget = PeoplePicker

    def __init__(self, **kwargs):
        super().__init__(queryset=staff_choices(), **kwargs)

    def label_from_instance(self, user):
        return f"{user.display_name}（{user.department or '—'}）"


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = PeopleMultiPicker

    def __init__(self, **kwargs):
        super().__init__(queryset=staff_choices(), **kwargs)

    def label_from_instance(self, user):
        return f"{user.display_name}（{user.department or '—'}）"


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.validate_upload(upload, allowed=ATTACHMENT_TYPES)
        return upload


class AccessGrantForm(forms.Form):
    user = StaffChoiceField(label=_("Person"))


class ArchiveForm(TextCleaningMixin, forms.Form):
    retention = forms.ChoiceField(label=_("Retention"), choices=Retention.choices)
    category = forms.RegexField(
        label=_("Organisation or category code"),
        regex=r"^[A-Za-z0-9]{1,10}$",
        initial="BGS",
        error_messages={"invalid": _("Use 1 to 10 letters or digits, e.g. BGS.")},
    )
    pages = forms.IntegerField(
        label=pgettext_lazy("documents", "Pages"), min_value=1, max_value=9999, initial=1
    )
    note = forms.CharField(label=pgettext_lazy("documents", "Note"), required=False, max_length=200)


def year_choices():
    from django.utils.timezone import localdate

    this = localdate().year
    return [("", _("Any year"))] + [(str(y), str(y)) for y in range(this, this - 10, -1)]


class FilterForm(forms.Form):
    """List and search filters; only valid values pass, so a bad query string is ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *DocumentKind.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[])
    security_level = forms.ChoiceField(
        label=_("Security level"),
        required=False,
        choices=[("", _("Any level")), *SecurityLevel.choices],
    )
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, choices=[]
    )

    def __init__(self, data=None, *, statuses=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *statuses]
        self.fields["year"].choices = year_choices()

    def filters(self) -> dict:
        if not self.is_valid():
            # Keep what is valid, drop what is not: a stale link still lists something.
            return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return self.cleaned_data
