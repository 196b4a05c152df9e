"""Rooms: the clerks' room form (with its booking rules) and taking a room out of use."""

from django import forms
from django.utils.translation import gettext_lazy as _

from office.validators import clean_text

from .forms import PersonChoiceField, people
from .models import Room


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = [
            "name",
            "building",
            "capacity",
            "equipment",
            "needs_approval",
            "approver",
            "opens_at",
            "closes_at",
            "max_days_ahead",
            "active",
            "order",
        ]
        widgets = {
            "opens_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        field_classes = {"approver": PersonChoiceField}  # the shared people picker

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approver"].queryset = people()

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The room must close after it opens."))
        return data

    def clean_name(self):
        return clean_text(self.cleaned_data["name"]).strip()


class RoomDeactivateForm(forms.Form):
    CANCEL, MOVE, KEEP = "cancel", "move", "keep"
    decision = forms.ChoiceField(
        label=_("What happens to its upcoming meetings?"),
        choices=[
            (MOVE, _("Move them to another room and tell everyone invited")),
            (CANCEL, _("Cancel them and tell everyone invited")),
            (KEEP, _("Keep them; the room only takes no new bookings")),
        ],
        widget=forms.RadioSelect,
    )
    move_to = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=Room.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select mb-3"}),
    )
    reason = forms.CharField(
        label=_("Reason given to the people invited"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, room=None, **kwargs):
        super().__init__(*args, **kwargs)
        rooms = Room.objects.filter(active=True).order_by("order", "name")
        self.fields["move_to"].queryset = rooms.exclude(pk=room.pk) if room else rooms
        self.fields["move_to"].label_from_instance = lambda each: (
            _("%(room)s (%(seats)s seats)") % {"room": each, "seats": each.capacity}
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.CANCEL and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Please say why the meetings are cancelled."))
        if data.get("decision") == self.MOVE and not data.get("move_to"):
            self.add_error("move_to", _("Choose the room the meetings move to."))
        return data
