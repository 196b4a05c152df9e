"""Forms of the incoming workflow: register, propose, instruct, circulate, read, result."""

from django import forms
from django.utils.timezone import localdate, now
from django.utils.translation import gettext_lazy as _

from documents.models import IncomingDocument
from office.roles import Role, users_with_role
from office.uploads import MultipleFileField

from ..selectors import leader_choices
from .common import ATTACHMENT_TYPES, StaffChoiceField, StaffMultipleChoiceField, TextCleaningMixin


class IncomingRegisterForm(TextCleaningMixin, forms.ModelForm):
    attachments = MultipleFileField(allowed=ATTACHMENT_TYPES, label=_("Scanned attachments"))
    access = StaffMultipleChoiceField(
        label=_("Access list"),
        required=False,
        help_text=_("For secret and confidential documents: who may see it besides the director."),
    )

    class Meta:
        model = IncomingDocument
        fields = [
            "source_org",
            "source_number",
            "title",
            "kind",
            "urgency",
            "security_level",
            "copies",
            "received_at",
            "deadline",
            "keywords",
            "summary",
        ]
        widgets = {
            "received_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = now().replace(second=0, microsecond=0)
        self.fields["copies"].min_value = 1
        self.fields["copies"].widget.attrs["min"] = 1

    def clean_copies(self):
        copies = self.cleaned_data["copies"]
        if copies < 1 or copies > 9999:
            raise forms.ValidationError(_("Copies must be between 1 and 9999."))
        return copies

    def clean(self):
        cleaned = super().clean()
        received, deadline = cleaned.get("received_at"), cleaned.get("deadline")
        if received and received > now():
            self.add_error("received_at", _("The receipt time cannot be in the future."))
        if received and deadline and deadline < received.date():
            self.add_error("deadline", _("The deadline cannot be before the receipt date."))
        return cleaned


class LeaderChoiceField(StaffChoiceField):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.queryset = leader_choices()


LEADER_SLOTS = 4


class ProposalForm(TextCleaningMixin, forms.Form):
    """拟办 and 呈批: up to four leaders (the leader in charge, the main leader, ...), asked in
    the order listed or all together."""

    proposal = forms.CharField(
        label=_("Proposed handling"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    routing = forms.ChoiceField(
        label=_("Way of submitting"),
        choices=[
            ("sequence", _("To the leaders in turn, in the order listed")),
            ("together", _("To all the leaders at once")),
        ],
        initial="sequence",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        directors = list(users_with_role(Role.DIRECTOR).order_by("pk")[:1])
        for slot in range(1, LEADER_SLOTS + 1):
            field = LeaderChoiceField(label=_("Leader %(n)s") % {"n": slot}, required=slot == 1)
            if slot == 1 and directors:
                field.initial = directors[0].pk
            self.fields[f"leader_{slot}"] = field
        # The leaders under the text, the way of submitting last.
        self.order_fields(["proposal", *(f"leader_{n}" for n in range(1, 5)), "routing"])

    def clean(self):
        cleaned = super().clean()
        chosen = [cleaned.get(f"leader_{n}") for n in range(1, LEADER_SLOTS + 1)]
        chosen = [leader for leader in chosen if leader]
        if len({leader.pk for leader in chosen}) != len(chosen):
            raise forms.ValidationError(_("Each leader only once, please."))
        cleaned["leaders"] = chosen
        cleaned["together"] = cleaned.get("routing") == "together"
        return cleaned


class InstructionForm(TextCleaningMixin, forms.Form):
    instruction = forms.CharField(
        label=_("Instruction"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    lead_handler = StaffChoiceField(label=_("Lead handler"), required=False)
    co_handlers = StaffMultipleChoiceField(label=_("Co-handlers"), required=False)
    due = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    create_task = forms.BooleanField(label=_("Create a supervision item"), required=False)

    def clean(self):
        cleaned = super().clean()
        lead, due = cleaned.get("lead_handler"), cleaned.get("due")
        if due and due < localdate():
            self.add_error("due", _("The due date cannot be in the past."))
        if cleaned.get("co_handlers") and not lead:
            self.add_error("lead_handler", _("Name a lead handler for the co-handlers."))
        if cleaned.get("create_task"):
            if not lead:
                self.add_error("lead_handler", _("A supervision item needs a lead handler."))
            if not due:
                self.add_error("due", _("A supervision item needs a due date."))
        return cleaned


class ReaderRowForm(TextCleaningMixin, forms.Form):
    reader = StaffChoiceField(label=_("Reader"), required=False)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=200)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") and not cleaned.get("reader"):
            self.add_error("reader", _("Choose the reader for this reason."))
        return cleaned


class BaseReaderFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        readers = [f.cleaned_data.get("reader") for f in self.forms if f.cleaned_data]
        readers = [r for r in readers if r]
        if not readers:
            raise forms.ValidationError(_("Choose at least one reader."))
        if len({r.pk for r in readers}) != len(readers):
            raise forms.ValidationError(_("Each reader only once, please."))

    def readers(self):
        return [
            (f.cleaned_data["reader"], f.cleaned_data.get("reason", ""))
            for f in self.forms
            if f.cleaned_data.get("reader")
        ]


ReaderFormSet = forms.formset_factory(
    ReaderRowForm, formset=BaseReaderFormSet, extra=4, max_num=30, validate_max=True
)


class ReadForm(TextCleaningMixin, forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResultForm(TextCleaningMixin, forms.Form):
    result = forms.CharField(
        label=_("Handling result"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CompleteForm(forms.Form):
    confirm_unread = forms.BooleanField(
        label=_("Complete although some readers have not read it"), required=False
    )
