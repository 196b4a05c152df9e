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
