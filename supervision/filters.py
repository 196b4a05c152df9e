"""The board's filters (django-filter); the statistics page links here with the same names."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from office.models import Department
from office.people import people
from office.validators import validate_plausible_date
from office.widgets import DepartmentPicker, PeoplePicker

from .models import Task, local_today, yellow_days
from .nodes import LABELS, NODE_FILTERS, text_match

OPEN = list(Task.OPEN)
ALL = _("All")
# Always shown; the others fold away under "More filters" (phones).
PRIMARY_FILTERS = ("q", "light", "status", "department")


def light_q(light: str) -> Q:
    """The rows a light stands for, as a query (Task.light computes the same per row)."""
    today = local_today()
    soon = today + datetime.timedelta(days=yellow_days())
    if light == Task.Light.RED:
        return Q(status__in=OPEN, deadline__lt=today)
    if light == Task.Light.YELLOW:
        return Q(status__in=OPEN, deadline__gte=today, deadline__lte=soon)
    if light == Task.Light.GREEN:
        return Q(status__in=OPEN, deadline__gt=soon)
    return Q()


class Outcome:
    """How an item counts in the statistics (see selectors.statistics)."""

    ON_TIME, LATE, OPEN, PENDING, DUE = "on_time", "late", "open", "pending", "due"
    CHOICES = [
        (ON_TIME, _("Completed on time")),
        (LATE, _("Late (completed late or overdue)")),
        (OPEN, _("Open")),
        (PENDING, _("Open, not yet due")),
        (DUE, _("Due (counted in the rate)")),
    ]


def outcome_q(outcome: str) -> Q:
    today = local_today()
    late = Q(status=Task.Status.COMPLETED, on_time=False) | Q(status__in=OPEN, deadline__lt=today)
    on_time = Q(status=Task.Status.COMPLETED, on_time=True)
    return {
        Outcome.ON_TIME: on_time,
        Outcome.LATE: late,
        Outcome.OPEN: Q(status__in=OPEN),
        Outcome.PENDING: Q(status__in=OPEN, deadline__gte=today),
        Outcome.DUE: on_time | late,
    }.get(outcome, Q())


def next_month(first: datetime.date) -> datetime.date:
    return (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


class MonthField(forms.CharField):
    """YYYY-MM -> the first day of that month, inside office.validators.date_window()."""

    default_validators = [validate_plausible_date]

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError as exc:
            raise forms.ValidationError(_("Enter a month as YYYY-MM.")) from exc


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(deadline__gte=value, deadline__lt=next_month(value))  # index-friendly


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Task.Status.choices, empty_label=ALL
    )
    light = django_filters.ChoiceFilter(
        label=_("Light"), choices=Task.Light.choices, method="filter_light", empty_label=ALL
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Department"),
        field_name="owner_department",
        queryset=Department.objects.all(),
        empty_label=ALL,
        widget=DepartmentPicker,
    )
    source = django_filters.ChoiceFilter(
        label=_("Source"),
        field_name="source_kind",
        choices=Task.SourceKind.choices,
        empty_label=ALL,
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"),
        queryset=people(),
        empty_label=ALL,
        widget=PeoplePicker,
    )
    month = MonthFilter(label=_("Due in month"), widget=forms.TextInput(attrs={"type": "month"}))
    outcome = django_filters.ChoiceFilter(
        label=_("Outcome"), choices=Outcome.CHOICES, method="filter_outcome", empty_label=ALL
    )
    node = django_filters.ChoiceFilter(
        label=_("Time node"),
        choices=[(key, LABELS[key]) for key in NODE_FILTERS],
        method="filter_node",
        empty_label=ALL,
    )

    class Meta:
        model = Task
        fields = [
            "q",
            "status",
            "light",
            "department",
            "source",
            "owner",
            "month",
            "outcome",
            "node",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(text_match(value))

    def filter_node(self, queryset, name, value):
        return queryset.filter(NODE_FILTERS[value]())

    def filter_light(self, queryset, name, value):
        return queryset.filter(light_q(value))

    def filter_outcome(self, queryset, name, value):
        return queryset.exclude(status=Task.Status.CANCELLED).filter(outcome_q(value))
