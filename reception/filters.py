"""The visitor log's filters (django-filter): dates, host, organisation, status."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from office.forms import PlausibleDatesForm
from office.people import people
from office.widgets import PeoplePicker

from .forms import DATE_WIDGET
from .models import Visit, Visitor
from .selectors import day_bounds


class VisitLogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    date_from = django_filters.DateFilter(label=_("From"), method="filter_from", widget=DATE_WIDGET)
    date_to = django_filters.DateFilter(label=_("To"), method="filter_to", widget=DATE_WIDGET)
    host = django_filters.ModelChoiceFilter(
        label=_("Host"),
        queryset=people(),
        widget=PeoplePicker,
    )
    organisation = django_filters.CharFilter(
        label=_("Organisation"), field_name="organisation", lookup_expr="icontains"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Visit.Status.choices)

    class Meta:
        model = Visit
        fields = ["q", "date_from", "date_to", "host", "organisation", "status"]
        form = PlausibleDatesForm

    def __init__(self, *args, show_host=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_host:
            del self.filters["host"]

    def filter_text(self, queryset, name, value):
        """A visitor's name, the party, the organisation or the purpose (the portal search too)."""
        value = value.strip()
        named = Visitor.objects.filter(visit=OuterRef("pk"), name__icontains=value)
        return queryset.filter(
            Q(party__icontains=value)
            | Q(organisation__icontains=value)
            | Q(purpose__icontains=value)
            | Q(Exists(named))
        )

    def filter_from(self, queryset, name, value):
        return queryset.filter(expected_arrival__gte=day_bounds(value)[0])

    def filter_to(self, queryset, name, value):
        return queryset.filter(expected_arrival__lt=day_bounds(value)[1])
