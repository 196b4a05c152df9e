"""Forms: validation and friendly messages; the services do the writing."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.forms import PlausibleDatesMixin, TextCleaningMixin
from office.models import Department
from office.people import people
from office.widgets import DepartmentPicker, PeoplePicker

from .models import Entry, Leader, Visibility
from .services import EntryData


class EntryForm(TextCleaningMixin, PlausibleDatesMixin, forms.Form):
    leader = forms.ModelChoiceField(
        label=_("leader"), queryset=Leader.objects.filter(active=True).select_related("user")
    )
    kind = forms.ChoiceField(label=_("kind"), choices=Entry.Kind.choices)
    title = forms.CharField(label=_("activity"), max_length=200)
    day = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("start"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("end"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    department = forms.ModelChoiceField(
        label=_("accompanying department"),
        queryset=Department.objects.all(),
        required=False,
        widget=DepartmentPicker,
    )
    note = forms.CharField(label=_("note"), max_length=500, required=False)
    visibility = forms.ChoiceField(
        label=_("who may see it"), choices=Visibility.choices, initial=Visibility.INTERNAL
    )
    confirm_clash = forms.BooleanField(label=_("Save despite the clash"), required=False)

    @classmethod
    def initial_from(cls, entry: Entry) -> dict:
        start, end = timezone.localtime(entry.start), timezone.localtime(entry.end)
        return {
            "leader": entry.leader,
            "kind": entry.kind,
            "title": entry.title,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "place": entry.place,
            "department": entry.department,
            "note": entry.note,
            "visibility": entry.visibility,
        }

    def clean(self):
        data = super().clean()
        if {"day", "start_time", "end_time"} <= set(data):
            if data["end_time"] <= data["start_time"]:
                self.add_error("end_time", _("The activity must end after it starts."))
        return data

    def entry_data(self) -> EntryData:
        data = self.cleaned_data

        def at(time: datetime.time) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime.combine(data["day"], time))

        return EntryData(
            leader=data["leader"],
            kind=data["kind"],
            title=data["title"],
            start=at(data["start_time"]),
            end=at(data["end_time"]),
            place=data["place"],
            department=data["department"],
            note=data["note"],
            visibility=data["visibility"],
        )


class LeaderForm(TextCleaningMixin, forms.Form):
    user = forms.ModelChoiceField(label=_("leader"), queryset=people(), widget=PeoplePicker)
    title = forms.CharField(label=_("post"), max_length=50, required=False)
    order = forms.IntegerField(label=_("order"), min_value=0, max_value=999, initial=10)
