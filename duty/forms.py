"""Forms of the duty app: validation only; services do the writing."""

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.utils.timezone import localtime, now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from duty.models import (
    Assignment,
    DutyPreference,
    HandoverItem,
    Incident,
    LogEntry,
    Post,
    ShiftTemplate,
)
from office.forms import PlausibleDatesMixin, TextCleaningMixin
from office.people import people
from office.roles import Role, users_with_role
from office.widgets import PeopleMultiPicker, PeoplePicker

MAX_AMOUNT = Decimal("9999999999.99")
SWAP_HORIZON_DAYS = 62


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def duty_people():
    return people().filter(pk__in=users_with_role(Role.SHIFT_LEADER, Role.DUTY_OFFICER))


class BootstrapMixin(PlausibleDatesMixin):
    """For forms drawn field by field (not through crispy): Bootstrap classes on widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class LogEntryForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = LogEntry
        fields = ["occurred_at", "kind", "summary", "follow_up"]
        widgets = {
            "occurred_at": LocalDateTimeInput(),
            "summary": forms.Textarea(attrs={"rows": 2}),
            "follow_up": forms.TextInput(),
        }
        help_texts = {"follow_up": _("What is still to be done; carried over at handover.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].initial = localtime(now()).replace(second=0, microsecond=0)
        self.fields["kind"].initial = LogEntry.Kind.PHONE  # the most common entry at night


class IncidentForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = Incident
        fields = ["occurred_at", "severity", "title", "description"]
        widgets = {
            "occurred_at": LocalDateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].initial = localtime(now()).replace(second=0, microsecond=0)


class ResolveForm(BootstrapMixin, TextCleaningMixin, forms.Form):
    resolution = forms.CharField(
        label=pgettext_lazy("duty", "Resolution"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SpendForm(TextCleaningMixin, forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (yuan)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=MAX_AMOUNT,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "invalid": _("Enter the amount as a number of yuan, e.g. 120.50."),
            "min_value": _("The amount must be positive."),
            "max_decimal_places": _("Amounts have at most two decimals (fen)."),
        },
    )
    purpose = forms.CharField(label=pgettext_lazy("duty", "Purpose"), max_length=200)
    emergency = forms.BooleanField(
        label=_("Emergency: already spent, approve afterwards (补办)"), required=False
    )


class DecisionForm(BootstrapMixin, TextCleaningMixin, forms.Form):
    note = forms.CharField(label=pgettext_lazy("duty", "Note"), max_length=200, required=False)


ITEM_FIELDS = [
    ("keys", HandoverItem.Kind.KEY, _("Keys")),
    ("equipment", HandoverItem.Kind.EQUIPMENT, _("Equipment")),
    ("documents", HandoverItem.Kind.DOCUMENT, pgettext_lazy("duty", "Documents")),
    ("others", HandoverItem.Kind.OTHER, _("Other items")),
]


class HandoverForm(TextCleaningMixin, forms.Form):
    summary = forms.CharField(
        label=_("Summary of the shift"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, _kind, label in ITEM_FIELDS:
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("One item per line."),
            )

    def items(self) -> list[tuple[str, str]]:
        found = []
        for name, kind, _label in ITEM_FIELDS:
            for line in (self.cleaned_data.get(name) or "").splitlines():
                if line.strip():
                    found.append((kind, line.strip()[:120]))
        return found

    @staticmethod
    def initial_from(items) -> dict:
        """Pre-fill the checklist with what the previous shift handed over."""
        by_kind = {kind: [] for _name, kind, _label in ITEM_FIELDS}
        for item in items:
            by_kind[item.kind].append(item.description)
        return {name: "\n".join(by_kind[kind]) for name, kind, _label in ITEM_FIELDS}


class HandoverEditForm(TextCleaningMixin, forms.Form):
    summary = HandoverForm.base_fields["summary"]


class HandoverAnswerForm(BootstrapMixin, TextCleaningMixin, forms.Form):
    note = forms.CharField(
        label=pgettext_lazy("duty", "Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignmentForm(BootstrapMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None, widget=PeoplePicker)
    role = forms.ChoiceField(label=_("Role"), choices=Assignment.Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = duty_people()


class GenerateForm(PlausibleDatesMixin, forms.Form):
    post = forms.ModelChoiceField(label=_("Post"), queryset=Post.objects.filter(active=True))
    templates = forms.ModelMultipleChoiceField(
        label=_("Shifts"),
        queryset=ShiftTemplate.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    first_day = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    leaders = forms.ModelMultipleChoiceField(
        label=_("Shift leaders, in rotation order"),
        queryset=None,
        widget=PeopleMultiPicker,
    )
    officers = forms.ModelMultipleChoiceField(
        label=_("Duty officers, in rotation order"),
        queryset=None,
        widget=PeopleMultiPicker,
    )
    officers_per_shift = forms.IntegerField(
        label=_("Officers per shift"), min_value=1, max_value=10, initial=1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = duty_people()
        self.fields["leaders"].queryset = people.filter(pk__in=users_with_role(Role.SHIFT_LEADER))
        self.fields["officers"].queryset = people

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day must not be before the first day."))
        return cleaned


class SwapForm(TextCleaningMixin, forms.Form):
    colleague = forms.ModelChoiceField(label=_("Colleague"), queryset=None, widget=PeoplePicker)
    counter_assignment = forms.ModelChoiceField(
        label=_("Their shift in return (optional)"), queryset=None, required=False
    )
    reason = forms.CharField(label=pgettext_lazy("duty", "Reason"), max_length=200)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = duty_people().exclude(pk=user.pk)
        # No slice here: a choice field must be able to filter its queryset when validating.
        self.fields["counter_assignment"].queryset = (
            Assignment.objects.filter(
                starts_at__gt=now(), starts_at__lte=now() + timedelta(days=SWAP_HORIZON_DAYS)
            )
            .exclude(person=user)
            .select_related("person", "shift__post", "shift__template")
            .order_by("starts_at")
        )
        self.fields["counter_assignment"].label_from_instance = lambda a: f"{a.shift} · {a.person}"

    def clean(self):
        cleaned = super().clean()
        counter, colleague = cleaned.get("counter_assignment"), cleaned.get("colleague")
        if counter and colleague and counter.person_id != colleague.pk:
            self.add_error("counter_assignment", _("Choose a shift of the chosen colleague."))
        return cleaned


class LogFilterForm(BootstrapMixin, forms.Form):
    day = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("duty", "kind"),
        required=False,
        choices=[("", _("All kinds"))] + LogEntry.Kind.choices,
    )
    q = forms.CharField(label=pgettext_lazy("duty", "Search"), required=False, max_length=50)


class HistoryFilterForm(BootstrapMixin, forms.Form):
    day_from = forms.DateField(
        label=pgettext_lazy("duty", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    day_to = forms.DateField(
        label=pgettext_lazy("duty", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=None, required=False, widget=PeoplePicker
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = duty_people()


class PostForm(TextCleaningMixin, forms.ModelForm):
    prefix = "post"

    class Meta:
        model = Post
        fields = ["name", "description"]


class ShiftTemplateForm(TextCleaningMixin, forms.ModelForm):
    prefix = "template"

    class Meta:
        model = ShiftTemplate
        fields = ["name", "start_time", "end_time"]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {"end_time": _("At or before the start: the shift ends the next day.")}


class PreferenceForm(BootstrapMixin, forms.Form):
    remind_day_before = forms.BooleanField(
        label=_("Remind me the evening before a shift"), required=False
    )
    remind_before_minutes = forms.TypedChoiceField(
        label=_("Remind me before a shift starts"),
        choices=DutyPreference.LEAD_CHOICES,
        coerce=int,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remind_day_before"].widget.attrs["class"] = "form-check-input"


class FollowUpCloseForm(forms.Form):
    outcome = forms.ChoiceField(choices=LogEntry.Outcome.choices, initial=LogEntry.Outcome.DONE)
