"""The archive catalogue's filter (page, PDF and spreadsheet read the same one)."""

from django import forms
from django.utils.translation import gettext_lazy

from documents.models import Retention

from .common import year_choices


class CatalogueFilter(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year"), required=False, coerce=int, empty_value=None, choices=[]
    )
    retention = forms.ChoiceField(
        label=gettext_lazy("Retention"),
        required=False,
        choices=[("", gettext_lazy("Any retention")), *Retention.choices],
    )
    category = forms.RegexField(
        label=gettext_lazy("Category"), required=False, regex=r"^[A-Za-z0-9]{1,10}$"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
