from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from office.models import User
from office.validators import clean_text, validate_plausible_date


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "title", "phone", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))

    def clean_name(self):
        return clean_text(self.cleaned_data["name"])

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(c.isdigit() or c in "+- ()" for c in phone):
            raise forms.ValidationError(_("A phone number has only digits, spaces and + - ( )."))
        return phone


class PlausibleDatesMixin:
    """Every date and datetime field of the form (declared or from the model) accepts only
    dates inside office.validators.date_window(); checked with the field, before clean_<x>()
    and clean() do date arithmetic on it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                if validate_plausible_date not in field.validators:
                    field.validators.append(validate_plausible_date)


class PlausibleDatesForm(PlausibleDatesMixin, forms.Form):
    """Base form for django-filter FilterSets (Meta.form): far dates are refused, so ignored."""


class TextCleaningMixin(PlausibleDatesMixin):
    """Every text field (each CharField) through office.validators.clean_text: stripped,
    line breaks as "\\n", control characters and active markup refused on the field. Dates
    through the plausible window (PlausibleDatesMixin). First in a form's bases."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(field, forms.CharField) and isinstance(value, str):
                try:
                    cleaned[name] = clean_text(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class ReasonForm(TextCleaningMixin, forms.Form):
    """The reason for a step (return, cancel, reject). A subclass sets `reason_required`
    and `reason_max_length` (None: no limit) to fit its model."""

    reason_required = True
    reason_max_length: int | None = 2000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = forms.CharField(
            label=_("Reason"),
            required=self.reason_required,
            max_length=self.reason_max_length,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
