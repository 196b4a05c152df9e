"""Forms of the seals app: validation only; the services do the writing."""

from django import forms
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.forms import ReasonForm, TextCleaningMixin
from office.models import User
from office.people import people
from office.uploads import validate_upload
from office.widgets import PeoplePicker

from .models import Seal
from .services.requests import MAX_COPIES

IMAGE_TYPES = {"png", "jpg", "jpeg"}
REQUEST_FILE_TYPES = {"pdf", "docx", "doc", "xlsx", "xls", "ofd", "jpg", "jpeg", "png"}
VERIFY_MAX_BYTES = 30 * 1024 * 1024


def _people():
    return people()


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class SealForm(TextCleaningMixin, forms.ModelForm):
    custodian = forms.ModelChoiceField(
        label=_("custodian"), queryset=User.objects.none(), widget=PeoplePicker
    )

    class Meta:
        model = Seal
        fields = ["name", "kind", "custodian", "location", "chain", "diameter_mm", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["custodian"].queryset = _people()


class SealImageForm(forms.Form):
    image = forms.FileField(
        label=_("Seal image"),
        help_text=_("A scan or picture of the seal (PNG or JPEG); it is stored privately."),
    )

    def clean_image(self):
        upload = self.cleaned_data["image"]
        validate_upload(upload, allowed=IMAGE_TYPES, max_bytes=5 * 1024 * 1024)
        return upload


class RetireForm(ReasonForm):
    pass


class RequestForm(TextCleaningMixin, forms.Form):
    seal = forms.ModelChoiceField(label=_("seal"), queryset=Seal.objects.none())
    purpose = forms.CharField(label=pgettext_lazy("seals", "purpose"), max_length=200)
    document = forms.TypedChoiceField(
        label=_("outgoing document"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A signed or issued outgoing document is sealed electronically."),
    )
    upload = forms.FileField(
        label=_("or the file to be stamped"),
        required=False,
        help_text=_("For paper uses: the custodian stamps the printed copies."),
    )
    copies = forms.IntegerField(label=_("copies"), min_value=1, max_value=MAX_COPIES, initial=1)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seal"].queryset = Seal.objects.exclude(status=Seal.Status.RETIRED)
        self.fields["document"].choices = [("", "—")] + [
            (d.pk, f"{d.number} {d.title}") for d in documents
        ]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_upload(upload, allowed=REQUEST_FILE_TYPES)
        return upload

    def clean(self):
        data = super().clean()
        if bool(data.get("document")) == bool(data.get("upload")):
            raise forms.ValidationError(
                _("Choose an outgoing document or upload the file to be sealed.")
            )
        return data


class DecisionForm(TextCleaningMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LoanForm(TextCleaningMixin, forms.Form):
    borrower = forms.ModelChoiceField(
        label=_("borrower"), queryset=User.objects.none(), widget=PeoplePicker
    )
    reason = forms.CharField(label=_("reason"), max_length=200)
    due_back = forms.DateTimeField(label=_("due back"), widget=LocalDateTimeInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borrower"].queryset = _people()

    def clean_due_back(self):
        value = self.cleaned_data["due_back"]
        if value <= now():
            raise forms.ValidationError(_("The seal must be due back later than now."))
        return value


class ReturnForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(label=pgettext_lazy("seals", "note"), max_length=200, required=False)


class VerifyForm(forms.Form):
    pdf = forms.FileField(label=_("PDF to verify"))

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        validate_upload(upload, allowed={"pdf"}, max_bytes=VERIFY_MAX_BYTES)
        return upload
