from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.forms import ReasonForm, TextCleaningMixin

from .models import Entry


class EntryForm(TextCleaningMixin, forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    title = forms.CharField(label=pgettext_lazy("chronicle", "Title"), max_length=200)
    body = forms.CharField(
        label=pgettext_lazy("chronicle", "Details"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    importance = forms.ChoiceField(
        label=pgettext_lazy("chronicle", "Importance"),
        choices=Entry.Importance.choices,
        initial=Entry.Importance.NORMAL,
    )

    @staticmethod
    def initial_from(entry: Entry) -> dict:
        return {name: getattr(entry, name) for name in ("date", "title", "body", "importance")}


class DiscardForm(ReasonForm):
    reason_required = False
    reason_max_length = 500
