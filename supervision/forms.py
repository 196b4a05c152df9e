"""Input of supervision pages; validation only, the services do the writing."""

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from office import forms as office_forms
from office import uploads
from office.forms import TextCleaningMixin
from office.models import Department, User
from office.people import people
from office.widgets import DepartmentPicker, PeopleMultiPicker, PeoplePicker

from .models import Note, Task, local_today

ATTACHMENT_TYPES = {"pdf", "jpg", "jpeg", "png", "docx", "xlsx", "pptx", "doc", "xls", "ofd", "zip"}


class DateInput(forms.DateInput):
    input_type = "date"


class FieldsOnly:
    """Crispy helper without a <form> tag: the page draws the form element."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class TextForm(FieldsOnly, TextCleaningMixin, forms.Form):
    """Base: every text field cleaned the same way (office.forms.TextCleaningMixin)."""


def active_people():
    return people().select_related("department")


class PersonChoiceField(forms.ModelChoiceField):
    widget = PeoplePicker

    def label_from_instance(self, person):
        department = f" · {person.department}" if person.department_id else ""
        return f"{person.display_name}{department}"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    widget = PeopleMultiPicker

    def label_from_instance(self, person):
        return PersonChoiceField.label_from_instance(self, person)


class TaskForm(TextForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What is to be done"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    source_kind = forms.ChoiceField(
        label=_("Source"), choices=Task.SourceKind.choices, initial=Task.SourceKind.ADHOC
    )
    source_label = forms.CharField(
        label=_("Source reference"),
        max_length=300,
        required=False,
        help_text=_("e.g. the meeting or the document the decision came from"),
    )
    owner = PersonChoiceField(label=_("Owner"), queryset=User.objects.none())
    owner_department = forms.ModelChoiceField(
        label=_("Owner department"),
        queryset=Department.objects.all(),
        required=False,
        widget=DepartmentPicker,
        help_text=_("Leave empty to use the owner's department."),
    )
    co_owners = PeopleChoiceField(
        label=_("Co-owners"),
        queryset=User.objects.none(),
        required=False,
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput)
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Task.Priority.choices, initial=Task.Priority.NORMAL
    )
    report_cycle = forms.ChoiceField(
        label=_("Report cycle"), choices=Task.ReportCycle.choices, initial=Task.ReportCycle.NONE
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = active_people()
        self.fields["co_owners"].queryset = active_people()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < local_today():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        owner = cleaned.get("owner")
        if owner and owner in (cleaned.get("co_owners") or []):
            self.add_error("co_owners", _("The owner cannot also be a co-owner."))
        return cleaned


class ProgressForm(TextForm):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    files = uploads.MultipleFileField(
        allowed=ATTACHMENT_TYPES,
        label=_("Attachments"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("Up to %(count)s files, %(mb)s MB each.") % {
            "count": uploads.max_files(),
            "mb": settings.UPLOAD_MAX_BYTES // 1048576,
        }


class CompletionForm(TextForm):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(FieldsOnly, office_forms.ReasonForm):
    reason_max_length = None  # a TextField


class ExtensionForm(TextForm):
    new_deadline = forms.DateField(label=_("New deadline"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task

    def clean_new_deadline(self):
        new_deadline = self.cleaned_data["new_deadline"]
        if new_deadline <= self.task.deadline:
            raise forms.ValidationError(
                _("The new deadline must be later than the current one (%(date)s)."),
                params={"date": self.task.deadline.isoformat()},
            )
        return new_deadline


class DecisionForm(TextForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required when refusing."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refuse" and not cleaned.get("note"):
            self.add_error("note", _("Please give a reason for refusing."))
        return cleaned


class ChaseForm(TextForm):
    text = forms.CharField(
        label=_("Chase message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReplyForm(TextForm):
    text = forms.CharField(
        label=_("Explanation"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NoteForm(TextForm):
    kind = forms.ChoiceField(
        label=_("Kind of note"),
        choices=[(kind, kind.label) for kind in (Note.Kind.INSTRUCTION, Note.Kind.COMMENT)],
    )
    text = forms.CharField(
        label=_("Text"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class BulkChaseForm(ChaseForm):
    items = forms.ModelMultipleChoiceField(queryset=Task.objects.none(), label=_("Items"))

    def __init__(self, *args, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = tasks if tasks is not None else Task.objects.none()


SPLIT_ROWS = 5


class SplitForm(TextForm):
    """Up to SPLIT_ROWS sub-items, each for a co-owner; empty rows are ignored."""

    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        co_owners = task.co_owners.all()
        for row in range(SPLIT_ROWS):
            self.fields[f"owner_{row}"] = forms.ModelChoiceField(
                queryset=co_owners,
                required=False,
                label=_("Co-owner"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"title_{row}"] = forms.CharField(
                max_length=200, required=False, label=_("Sub-item")
            )
            self.fields[f"deadline_{row}"] = forms.DateField(
                required=False, label=_("Deadline"), widget=DateInput
            )
        self.rows = [
            (self[f"owner_{row}"], self[f"title_{row}"], self[f"deadline_{row}"])
            for row in range(SPLIT_ROWS)
        ]

    def clean(self):
        data = super().clean()
        parts = []
        for row in range(SPLIT_ROWS):
            owner, title = data.get(f"owner_{row}"), data.get(f"title_{row}")
            deadline = data.get(f"deadline_{row}")
            if not (owner or title or deadline):
                continue
            if not (owner and title and deadline):
                raise forms.ValidationError(
                    _("Each sub-item needs a co-owner, a title and a deadline.")
                )
            parts.append({"owner": owner, "title": title, "deadline": deadline})
        if not parts:
            raise forms.ValidationError(_("Give at least one sub-item."))
        data["parts"] = parts
        return data
