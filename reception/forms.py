"""Forms: validation only; services do the writing."""

from datetime import datetime, timedelta

from django import forms
from django.utils.timezone import localdate, now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office import forms as office_forms
from office.forms import PlausibleDatesMixin, TextCleaningMixin
from office.identity import clean_other_id, clean_phone, clean_resident_id
from office.models import User
from office.people import people as portal_people
from office.widgets import PeoplePicker

from .models import Arrangement, Visitor
from .selectors import day_bounds

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_GROUP = 50


class StaffChoiceField(forms.ModelChoiceField):
    widget = PeoplePicker

    def label_from_instance(self, obj: User) -> str:
        department = f"（{obj.department.name}）" if obj.department_id else ""
        return f"{obj.display_name}{department}"


def staff_field(label) -> StaffChoiceField:
    return StaffChoiceField(
        label=label,
        queryset=portal_people().select_related("department"),
    )


class VisitForm(TextCleaningMixin, forms.Form):
    """The visit part of a pre-registration; `host` only for reception and the director."""

    organisation = forms.CharField(label=_("Organisation"), max_length=100, required=False)
    purpose = forms.CharField(label=_("Purpose of the visit"), max_length=200)
    expected_arrival = forms.DateTimeField(label=_("Expected arrival"), widget=DATETIME_WIDGET)
    expected_departure = forms.DateTimeField(label=_("Expected departure"), widget=DATETIME_WIDGET)
    important = forms.BooleanField(
        label=_("Important visit"),
        required=False,
        help_text=_("The chronicle (大事记) will suggest it once it has taken place."),
    )

    def __init__(self, *args, choose_host: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_host:
            self.fields = {"host": staff_field(_("Host")), **self.fields}

    def clean(self):
        cleaned = super().clean()
        arrival, departure = cleaned.get("expected_arrival"), cleaned.get("expected_departure")
        if arrival and arrival < day_bounds(localdate())[0]:
            self.add_error("expected_arrival", _("The expected arrival cannot be in the past."))
        if arrival and departure and departure <= arrival:
            self.add_error(
                "expected_departure",
                _("The expected departure must be after the expected arrival."),
            )
        return cleaned


class VisitorForm(TextCleaningMixin, forms.Form):
    """One person; the ID number is checked against its type (GB 11643 for resident IDs)."""

    name = forms.CharField(label=_("Name"), max_length=50)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    id_type = forms.ChoiceField(
        label=_("ID type"),
        choices=[("", "---------"), *Visitor.IdType.choices],
        required=False,
    )
    id_number = forms.CharField(label=_("ID number"), max_length=40, required=False)

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        id_type, number = cleaned.get("id_type"), (cleaned.get("id_number") or "").strip()
        if number and not id_type:
            self.add_error("id_type", _("Choose the type of the ID document."))
        elif number:
            try:
                if id_type == Visitor.IdType.RESIDENT_ID:
                    cleaned["id_number"] = clean_resident_id(number)
                else:
                    cleaned["id_number"] = clean_other_id(number)
            except forms.ValidationError as exc:
                self.add_error("id_number", exc)
        return cleaned


class BaseVisitorFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        filled = [f for f in self.forms if f.cleaned_data and f.cleaned_data.get("name")]
        if not filled:
            raise forms.ValidationError(_("Add at least one visitor."))


VisitorFormSet = forms.formset_factory(
    VisitorForm,
    formset=BaseVisitorFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_GROUP,
    validate_max=True,
)


class BadgeMixin:
    def clean_badge_number(self) -> str:
        badge = self.cleaned_data["badge_number"].strip()
        if not badge.replace("-", "").isalnum():
            raise forms.ValidationError(_("A badge number has only letters, digits and hyphens."))
        return badge.upper()


class WalkInForm(BadgeMixin, TextCleaningMixin, forms.Form):
    """A visitor at the desk without pre-registration: the visit part and the badge; one
    step registers and checks in."""

    organisation = forms.CharField(label=_("Organisation"), max_length=100, required=False)
    purpose = forms.CharField(label=_("Purpose of the visit"), max_length=200)
    expected_departure = forms.DateTimeField(label=_("Expected departure"), widget=DATETIME_WIDGET)
    badge_number = forms.CharField(label=_("Badge number"), max_length=20)
    confirm_watch_list = forms.BooleanField(
        label=_("I have checked this person against the watch list and let them in"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"host": staff_field(_("Host")), **self.fields}
        self.fields["expected_departure"].initial = _round_up(now() + timedelta(hours=2))

    def clean_expected_departure(self):
        departure = self.cleaned_data["expected_departure"]
        if departure <= now():
            raise forms.ValidationError(_("The expected departure must be in the future."))
        return departure


def _round_up(moment: datetime) -> datetime:
    from django.utils.timezone import localtime

    moment = localtime(moment).replace(second=0, microsecond=0)
    return moment + timedelta(minutes=(30 - moment.minute % 30) % 30)


class CheckInForm(BadgeMixin, PlausibleDatesMixin, forms.Form):
    badge_number = forms.CharField(label=_("Badge number"), max_length=20)
    confirm_watch_list = forms.BooleanField(
        label=_("I have checked this person against the watch list and let them in"),
        required=False,
    )


class ReasonForm(office_forms.ReasonForm):
    reason_required, reason_max_length = False, 200  # Visit.cancel_reason


class RejectForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(label=_("Why is it rejected?"), max_length=200)


class ApproveForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)


class ArrangementForm(TextCleaningMixin, forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("reception", "Kind"), choices=Arrangement.Kind.choices
    )
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=500, initial=1)
    standard = forms.CharField(
        label=_("Standard"),
        max_length=100,
        required=False,
        help_text=_("For example: working meal, 60 yuan per person."),
    )
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    cost_estimate = forms.DecimalField(
        label=_("Cost estimate (yuan)"), min_value=0, max_digits=10, decimal_places=2
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"] = staff_field(_("Responsible person"))


class WatchEntryForm(TextCleaningMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=50)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    id_number = forms.CharField(label=_("ID number"), max_length=40, required=False)
    reason = forms.CharField(label=_("Reason"), max_length=200)

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data["phone"])

    def clean_id_number(self) -> str:
        number = (self.cleaned_data["id_number"] or "").strip()
        if not number:
            return ""
        if len(number) == 18 and number[:17].isdigit():
            return clean_resident_id(number)
        return clean_other_id(number)


class DayForm(PlausibleDatesMixin, forms.Form):
    """The day board's date and search box (GET); bad dates fall back to today."""

    date = forms.DateField(label=_("Date"), required=False, widget=DATE_WIDGET)
    q = forms.CharField(label=_("Search"), max_length=50, required=False)
