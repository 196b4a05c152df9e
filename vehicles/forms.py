"""Forms: validation and friendly messages; the services do the writing."""

from urllib.parse import urlsplit

from django import forms
from django.urls import Resolver404, resolve
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from office.forms import ReasonForm, TextCleaningMixin
from office.people import people as portal_people
from office.widgets import PeopleMultiPicker

from .models import Driver, Vehicle
from .services import TripData

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def portal_path(value: str) -> str:
    """A path of this portal that resolves (where a request came from), else ""."""
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return ""
    try:
        resolve(urlsplit(value).path)
    except Resolver404:
        return ""
    return value


class TripForm(TextCleaningMixin, forms.Form):
    origin = forms.CharField(label=_("Setting off from"), max_length=200)
    destination = forms.CharField(label=_("Destination"), max_length=200)
    start = forms.DateTimeField(label=_("Leaves at"), widget=DATETIME_WIDGET)
    end = forms.DateTimeField(label=_("Back by"), widget=DATETIME_WIDGET)
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=60, initial=1)
    passengers = forms.ModelMultipleChoiceField(
        label=_("Colleagues travelling"),
        queryset=portal_people().select_related("department"),
        required=False,
        widget=PeopleMultiPicker(),
    )
    other_passengers = forms.CharField(
        label=_("Other passengers"),
        max_length=200,
        required=False,
        help_text=_("Guests and visitors, by name."),
    )
    purpose = forms.CharField(
        label=_("Purpose"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    preferred_vehicle = forms.ModelChoiceField(
        label=_("A particular car (optional)"),
        queryset=Vehicle.objects.filter(status=Vehicle.Status.IN_SERVICE),
        required=False,
        empty_label=_("— any car the dispatcher chooses —"),
        help_text=_("A leader's own car is approved by that leader."),
    )
    source_url = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)

    def clean_source_url(self):
        return portal_path(self.cleaned_data.get("source_url") or "")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end <= start:
                self.add_error("end", _("The trip must end after it starts."))
            if start < now():
                self.add_error("start", _("The trip cannot start in the past."))
        people, named = data.get("people"), data.get("passengers")
        if people and named is not None and len(named) > people:
            self.add_error("people", _("The number of people is less than the colleagues named."))
        return data

    def to_data(self) -> TripData:
        data = self.cleaned_data
        return TripData(
            origin=data["origin"],
            destination=data["destination"],
            start=data["start"],
            end=data["end"],
            purpose=data["purpose"],
            people=data["people"],
            passengers=list(data["passengers"]),
            other_passengers=data["other_passengers"],
            preferred_vehicle=data["preferred_vehicle"],
            source_url=data.get("source_url") or "",
        )


class DecisionForm(TextCleaningMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DispatchForm(TextCleaningMixin, forms.Form):
    vehicle = forms.ModelChoiceField(
        label=_("Vehicle"), queryset=Vehicle.objects.filter(status=Vehicle.Status.IN_SERVICE)
    )
    driver = forms.ModelChoiceField(label=_("Driver"), queryset=Driver.objects.filter(active=True))
    note = forms.CharField(label=_("Note for the driver"), max_length=300, required=False)
    lend_reason = forms.CharField(
        label=_("Why a leader's own car is lent (if it is)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    stand_in = forms.ModelChoiceField(
        label=_("Car offered to the leader meanwhile"),
        queryset=Vehicle.objects.filter(status=Vehicle.Status.IN_SERVICE),
        required=False,
    )


class ReassignForm(DispatchForm):
    reason = forms.CharField(
        label=_("Why the trip gets another car or driver"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(ReasonForm):
    pass


class CompleteForm(TextCleaningMixin, forms.Form):
    odometer_start = forms.IntegerField(
        label=_("Odometer at departure (km)"), min_value=0, max_value=9_999_999
    )
    odometer_end = forms.IntegerField(
        label=_("Odometer on return (km)"), min_value=0, max_value=9_999_999
    )
    fuel_litres = forms.DecimalField(
        label=_("Fuel (litres)"), min_value=0, max_digits=7, decimal_places=2, required=False
    )
    charge_kwh = forms.DecimalField(
        label=_("Charge (kWh)"), min_value=0, max_digits=7, decimal_places=2, required=False
    )
    energy_cost = forms.DecimalField(
        label=_("Fuel or charge cost (yuan)"),
        min_value=0,
        max_digits=9,
        decimal_places=2,
        required=False,
    )
    tolls = forms.DecimalField(
        label=_("Tolls (yuan)"), min_value=0, max_digits=9, decimal_places=2, required=False
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("odometer_start"), data.get("odometer_end")
        if start is not None and end is not None and end < start:
            self.add_error(
                "odometer_end",
                _("The odometer on return cannot be below the reading at departure."),
            )
        for name in ("energy_cost", "tolls"):
            if data.get(name) is None:
                data[name] = 0
        return data


class VehicleForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = Vehicle
        fields = ["plate", "kind", "model_name", "seats", "power", "status", "leader", "order"]

    def clean_plate(self):
        return self.cleaned_data["plate"].strip().upper()


class DriverForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = Driver
        fields = ["name", "user", "licence_class", "phone", "active"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone or not all(c.isdigit() or c in "+- ()" for c in phone):
            raise forms.ValidationError(_("A phone number has only digits, spaces and + - ( )."))
        return phone
