"""The recorder's minutes form and resolutions; the chair's return form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from office.forms import PlausibleDatesMixin
from office.validators import clean_text

from .forms import PersonChoiceField, people
from .services import ResolutionData


class MinutesForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the meeting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, agenda_items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_items = list(agenda_items)
        for item in self.agenda_items:
            self.fields[f"discussion_{item.pk}"] = forms.CharField(
                label=_("Discussion"),
                required=False,
                initial=item.discussion,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"decisions_{item.pk}"] = forms.CharField(
                label=_("Decisions"),
                required=False,
                initial=item.decisions,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def item_fields(self):
        return [
            (item, self[f"discussion_{item.pk}"], self[f"decisions_{item.pk}"])
            for item in self.agenda_items
        ]

    def clean(self):
        """Every text through clean_text: pasted soft line breaks become new lines; other
        control characters or a script mark the field, the rest of the form is kept."""
        data = super().clean()
        for name in self.fields:
            if isinstance(data.get(name), str):
                try:
                    data[name] = clean_text(data[name])
                except ValidationError as exc:
                    self.add_error(name, exc)
        return data

    def items(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            item.pk: (data[f"discussion_{item.pk}"], data[f"decisions_{item.pk}"])
            for item in self.agenda_items
        }


class ResolutionForm(PlausibleDatesMixin, forms.Form):
    content = forms.CharField(label=_("What was decided"), max_length=300, required=False)
    owner = PersonChoiceField(label=_("Owner"), queryset=people(), required=False)
    deadline = forms.DateField(
        label=_("Complete by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("content"):
            data["content"] = clean_text(data["content"]).strip()
            if not data.get("owner"):
                self.add_error("owner", _("Every resolution needs an owner."))
            if not data.get("deadline"):
                self.add_error("deadline", _("Every resolution needs a deadline."))
            elif data["deadline"] < localtime().date():
                self.add_error("deadline", _("The completion date cannot be in the past."))
        elif data.get("owner") or data.get("deadline"):
            self.add_error("content", _("Say what was decided."))
        return data


ResolutionFormSet = forms.formset_factory(ResolutionForm, extra=2, max_num=50, validate_max=True)


def resolutions_from(formset) -> list[ResolutionData]:
    return [
        ResolutionData(
            content=f.cleaned_data["content"],
            owner=f.cleaned_data["owner"],
            deadline=f.cleaned_data["deadline"],
        )
        for f in formset
        if f.cleaned_data.get("content")
    ]


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
