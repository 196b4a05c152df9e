from django import forms
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from documents.models import Notice
from office.models import Department
from office.widgets import DepartmentMultiPicker

from .common import TextCleaningMixin


class NoticeForm(TextCleaningMixin, forms.ModelForm):
    departments = forms.ModelMultipleChoiceField(
        label=_("Departments"),
        queryset=Department.objects.all(),
        required=False,
        widget=DepartmentMultiPicker,
    )

    class Meta:
        model = Notice
        fields = ["title", "body", "to_all", "departments", "pinned", "expires_on"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("to_all") and not cleaned.get("departments"):
            self.add_error("departments", _("Choose the departments, or send it to everyone."))
        expires = cleaned.get("expires_on")
        if expires and expires < localdate():
            self.add_error("expires_on", _("The expiry date cannot be in the past."))
        return cleaned
