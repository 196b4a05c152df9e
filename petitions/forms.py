"""Forms: validation and friendly messages; the services do the writing."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.forms import ReasonForm, TextCleaningMixin
from office.identity import clean_phone, clean_resident_id
from office.models import Department
from office.people import people
from office.widgets import DepartmentPicker, PeoplePicker

from . import rules
from .models import Petition
from .services import PetitionData

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PetitionForm(TextCleaningMixin, forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Petition.Channel.choices)
    received_on = forms.DateField(label=_("Received on"), widget=DATE_WIDGET)
    petitioner_name = forms.CharField(label=_("Petitioner"), max_length=50)
    petitioner_id_number = forms.CharField(label=_("ID number"), max_length=40, required=False)
    petitioner_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    petitioner_address = forms.CharField(label=_("Address"), max_length=200, required=False)
    title = forms.CharField(label=_("Subject"), max_length=200)
    matter = forms.CharField(label=_("Matter"), widget=forms.Textarea(attrs={"rows": 5}))
    category = forms.ChoiceField(label=_("Category"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = rules.categories()
        self.fields["received_on"].initial = timezone.localdate

    def clean_petitioner_id_number(self):
        value = self.cleaned_data["petitioner_id_number"]
        return clean_resident_id(value) if value else ""

    def clean_petitioner_phone(self):
        return clean_phone(self.cleaned_data["petitioner_phone"])

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("A petition cannot be received in the future."))
        return value

    def to_data(self) -> PetitionData:
        return PetitionData(**self.cleaned_data)


class RejectForm(ReasonForm):
    pass


class AssignForm(TextCleaningMixin, forms.Form):
    department = forms.ModelChoiceField(
        label=_("Handling department"),
        queryset=Department.objects.all(),
        widget=DepartmentPicker(),
    )
    assignee = forms.ModelChoiceField(
        label=_("Person handling it (optional)"),
        queryset=people(),
        required=False,
        widget=PeoplePicker(),
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=DATE_WIDGET,
        required=False,
        help_text=_("Empty: the longest the regulation allows."),
    )
    instructions = forms.CharField(
        label=_("Instructions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(TextCleaningMixin, forms.Form):
    reply = forms.CharField(label=_("Handling opinion"), widget=forms.Textarea(attrs={"rows": 5}))


class ExtensionForm(TextCleaningMixin, forms.Form):
    days = forms.IntegerField(label=_("Days"), min_value=1)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = rules.extension_max_days()
        self.fields["days"].widget.attrs["max"] = limit
        self.fields["days"].validators.append(MaxValueValidator(limit))


class SatisfactionForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Petitioner's satisfaction"),
        choices=Petition.Satisfaction.choices,
        widget=forms.RadioSelect,
    )


class ReviewRequestForm(ReasonForm):
    pass


class ReviewResultForm(TextCleaningMixin, forms.Form):
    result = forms.CharField(label=_("Review conclusion"), widget=forms.Textarea(attrs={"rows": 4}))


class DecisionForm(ReasonForm):
    reason_required = False
