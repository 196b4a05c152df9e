"""Forms: validation and friendly messages; the services do the writing."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.timezone import localtime, now
from django.utils.translation import gettext_lazy as _

from office.errors import DomainError
from office.forms import PlausibleDatesMixin
from office.people import people as portal_people
from office.uploads import validate_upload
from office.validators import clean_text
from office.widgets import PeopleMultiPicker, PeoplePicker

from . import selectors
from .models import Attendance, Meeting, Room
from .services import MeetingData, conflict_message
from .services.rooms import check_room_rules
from .services.series import ALL, FOLLOWING, ONE

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def people():
    return portal_people()


class PersonChoiceField(forms.ModelChoiceField):
    widget = PeoplePicker

    def label_from_instance(self, obj):
        return f"{obj.display_name}（{obj.department}）" if obj.department_id else obj.display_name


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    widget = PeopleMultiPicker

    def label_from_instance(self, obj):
        return PersonChoiceField.label_from_instance(self, obj)


class MeetingForm(PlausibleDatesMixin, forms.Form):
    title = forms.CharField(label=_("Meeting title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Meeting.Kind.choices)
    start = forms.DateTimeField(label=_("Start"), widget=DATETIME_WIDGET)
    end = forms.DateTimeField(label=_("End"), widget=DATETIME_WIDGET)
    room = forms.ModelChoiceField(
        label=_("Room"),
        queryset=Room.objects.filter(active=True),
        required=False,
        empty_label=_("— no room —"),
        error_messages={"invalid_choice": _("This room does not exist or cannot be booked.")},
    )
    place = forms.CharField(label=_("Other place"), max_length=200, required=False)
    online_link = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    chair = PersonChoiceField(label=_("Chair"), queryset=people())
    recorder = PersonChoiceField(label=_("Recorder"), queryset=people())
    required_attendees = PeopleChoiceField(
        label=_("Attendees (required)"), queryset=people(), required=False
    )
    optional_attendees = PeopleChoiceField(
        label=_("Attendees (optional)"), queryset=people(), required=False
    )
    guests = forms.CharField(
        label=_("External guests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: name, organisation."),
    )
    description = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    weeks = forms.IntegerField(
        label=_("Repeat weekly for (weeks)"),
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_("1 means once. Each week becomes its own meeting."),
    )
    skip_clashes = forms.BooleanField(
        label=_("Leave out the weeks when the room is taken (book them again later)"),
        required=False,
    )
    confirm_over_capacity = forms.BooleanField(
        label=_("Book anyway, although there are more people than seats"), required=False
    )
    # 补录 (RecordAfterwardsForm) enters a meeting in the past and breaks no booking rule.
    afterwards = False

    def __init__(self, *args, user, meeting: Meeting | None = None, **kwargs):
        self.user, self.meeting = user, meeting
        super().__init__(*args, **kwargs)
        for name in ("required_attendees", "optional_attendees"):
            self.fields[name].widget.attrs["size"] = 6
        if meeting is not None:
            del self.fields["weeks"]
            del self.fields["skip_clashes"]

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        attendances = list(meeting.attendances.all())
        return {
            "title": meeting.title,
            "kind": meeting.kind,
            "start": localtime(meeting.start),
            "end": localtime(meeting.end),
            "room": meeting.room_id,
            "place": meeting.place,
            "online_link": meeting.online_link,
            "chair": meeting.chair_id,
            "recorder": meeting.recorder_id,
            "required_attendees": [a.user_id for a in attendances if a.required],
            "optional_attendees": [a.user_id for a in attendances if not a.required],
            "guests": "\n".join(
                f"{g.name}, {g.organisation}".rstrip(", ") for g in meeting.guests.all()
            ),
            "description": meeting.description,
        }

    def clean_title(self):
        return clean_text(self.cleaned_data["title"]).strip()

    def clean_place(self):
        return clean_text(self.cleaned_data["place"]).strip()

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_guests(self):
        guests = []
        for line in clean_text(self.cleaned_data["guests"]).splitlines():
            if not line.strip():
                continue
            name, _sep, organisation = line.replace("，", ",").partition(",")
            if len(name.strip()) > 100 or len(organisation.strip()) > 200:
                raise ValidationError(_("A guest's name or organisation is too long."))
            guests.append((name.strip(), organisation.strip()))
        return guests

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end <= start:
                self.add_error("end", _("The meeting must end after it starts."))
            moved = self.meeting is None or start != self.meeting.start
            if moved and start < now() and not self.afterwards:
                self.add_error("start", _("The meeting cannot start in the past."))
        if not (data.get("room") or data.get("place") or data.get("online_link")):
            if "room" not in self.errors:
                self.add_error("room", _("Choose a room, or give another place or an online link."))
        if not self.errors:
            self._check_room(data)
        return data

    def _check_room(self, data) -> None:
        room = data.get("room")
        if room is None:
            return
        meeting_data = self.to_data()
        seats = meeting_data.seats()
        weeks = data.get("weeks") or 1
        exclude = self.meeting.pk if self.meeting else None
        skip = data.get("skip_clashes") and weeks > 1
        for week in range(weeks):
            shift = datetime.timedelta(weeks=week)
            start, end = data["start"] + shift, data["end"] + shift
            if not self.afterwards:
                try:
                    check_room_rules(room, start, end)
                except DomainError as exc:
                    self.add_error("room", str(exc))
                    return
            if skip:
                continue
            if selectors.conflicts(room=room, start=start, end=end, exclude_pk=exclude).exists():
                message = conflict_message(
                    room=room, start=start, end=end, seats=seats, by=self.user, exclude_pk=exclude
                )
                if weeks > 1:
                    message = _("Week %(n)s (%(date)s): %(message)s") % {
                        "n": week + 1,
                        "date": f"{localtime(start):%Y-%m-%d}",
                        "message": message,
                    }
                self.add_error("room", message)
                return
        if seats > room.capacity and not data.get("confirm_over_capacity"):
            self.over_capacity = True
            self.add_error(
                "confirm_over_capacity",
                _(
                    "%(room)s has %(capacity)s seats but %(seats)s people are invited. "
                    "Choose a larger room, or tick the box to book anyway."
                )
                % {"room": room, "capacity": room.capacity, "seats": seats},
            )

    def to_data(self, agenda: list[dict] | None = None) -> MeetingData:
        data = self.cleaned_data
        required = list(data.get("required_attendees") or [])
        optional = [u for u in data.get("optional_attendees") or [] if u not in required]
        return MeetingData(
            title=data["title"],
            kind=data["kind"],
            chair=data["chair"],
            recorder=data["recorder"],
            start=data["start"],
            end=data["end"],
            room=data.get("room"),
            place=data.get("place", ""),
            online_link=data.get("online_link", ""),
            description=data.get("description", ""),
            required=required,
            optional=optional,
            guests=data.get("guests", []),
            agenda=agenda or [],
        )


class RecordAfterwardsForm(MeetingForm):
    """补录: when and where it was held, who chaired and recorded, who was present."""

    afterwards = True
    present = PeopleChoiceField(label=_("Present"), queryset=people())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("weeks", "skip_clashes", "confirm_over_capacity", "optional_attendees"):
            self.fields.pop(name, None)
        self.fields["required_attendees"].label = _("Invited but not present")
        self.fields["present"].widget.attrs["size"] = 8

    def clean(self):
        data = super().clean()
        end = data.get("end")
        if end and end > now():
            self.add_error("end", _("A meeting recorded afterwards must already have ended."))
        data["confirm_over_capacity"] = True
        return data

    def _check_room(self, data) -> None:
        room = data.get("room")
        if (
            room is not None
            and selectors.conflicts(room=room, start=data["start"], end=data["end"]).exists()
        ):
            self.add_error(
                "room",
                conflict_message(
                    room=room, start=data["start"], end=data["end"], seats=0, by=self.user
                ),
            )


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Topic"), max_length=200, required=False)
    presenter = forms.CharField(label=_("Presenter"), max_length=100, required=False)
    minutes_allotted = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=600, required=False
    )
    materials = forms.CharField(label=_("Materials"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("presenter") or data.get("materials")):
            self.add_error("title", _("Give the agenda item a topic."))
        for name in ("title", "presenter", "materials"):
            if data.get(name):
                data[name] = clean_text(data[name]).strip()
        return data


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=3, max_num=30, validate_max=True)


def agenda_from(formset) -> list[dict]:
    return [
        {
            "title": f.cleaned_data["title"],
            "presenter": f.cleaned_data.get("presenter", ""),
            "minutes_allotted": f.cleaned_data.get("minutes_allotted"),
            "materials": f.cleaned_data.get("materials", ""),
        }
        for f in formset
        if f.cleaned_data.get("title")
    ]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SeriesCancelForm(CancelForm):
    scope = forms.ChoiceField(
        label=_("Which meetings"),
        choices=[
            (ONE, _("Only this one")),
            (FOLLOWING, _("This one and the following")),
            (ALL, _("All of the series still to come")),
        ],
        initial=ONE,
        widget=forms.RadioSelect,
    )


class ReplyForm(forms.Form):
    response = forms.ChoiceField(
        choices=[
            (Attendance.Response.ACCEPTED, _("Accept")),
            (Attendance.Response.DECLINED, _("Decline")),
        ]
    )
    reason = forms.CharField(label=_("Reason given"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("response") == Attendance.Response.DECLINED and not data.get("reason"):
            self.add_error("reason", _("Please say why you cannot attend."))
        return data


MATERIAL_TYPES = {"pdf", "doc", "docx", "xls", "xlsx", "pptx", "ofd", "jpg", "png", "zip", "txt"}


class MaterialForm(forms.Form):
    file = forms.FileField(label=_("File"))
    agenda_item = forms.TypedChoiceField(
        label=_("For agenda item"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, agenda_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].choices = [("", _("— the whole meeting —"))] + [
            (item.pk, f"{item.order}. {item.title}") for item in agenda_items
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(upload, allowed=MATERIAL_TYPES)
        return upload
