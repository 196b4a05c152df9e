"""Forms: validation and friendly messages; the services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.forms import ReasonForm, TextCleaningMixin
from office.people import people
from office.widgets import PeoplePicker

from .models import Asset, Item, Store
from .services import Line

LINES = 5  # rows offered on a request form; blank rows are ignored


class LinesMixin:
    """Rows item_<n> / quantity_<n> (and price_<n>): at least one filled, each item once."""

    with_price = False

    def add_line_fields(self):
        items = Item.objects.filter(active=True)
        for n in range(1, LINES + 1):
            self.fields[f"item_{n}"] = forms.ModelChoiceField(
                label=_("Item"), queryset=items, required=False
            )
            self.fields[f"quantity_{n}"] = forms.IntegerField(
                label=_("Quantity"), min_value=1, max_value=100000, required=False
            )
            if self.with_price:
                self.fields[f"price_{n}"] = forms.DecimalField(
                    label=_("Estimated unit price (yuan)"),
                    min_value=0,
                    max_digits=10,
                    decimal_places=2,
                    required=False,
                )

    def line_rows(self):
        return [
            [
                self[f"{name}_{n}"]
                for name in ("item", "quantity", "price")
                if f"{name}_{n}" in self.fields
            ]
            for n in range(1, LINES + 1)
        ]

    def clean_lines(self, cleaned):
        lines = []
        for n in range(1, LINES + 1):
            item, quantity = cleaned.get(f"item_{n}"), cleaned.get(f"quantity_{n}")
            price = cleaned.get(f"price_{n}") if self.with_price else None
            if item is None and not quantity:
                continue
            if item is None or not quantity:
                self.add_error(f"item_{n}", _("Choose the item and its quantity."))
                continue
            if self.with_price and price is None:
                self.add_error(f"price_{n}", _("Give an estimated unit price."))
                continue
            if any(line.item == item for line, _p in lines):
                self.add_error(f"item_{n}", _("Each item may appear only once."))
                continue
            lines.append((Line(item=item, quantity=quantity), price))
        if not lines and not self.errors:
            raise forms.ValidationError(_("Add at least one item."))
        return lines


class RequisitionForm(LinesMixin, TextCleaningMixin, forms.Form):
    store = forms.ModelChoiceField(label=_("Store"), queryset=Store.objects.all())
    purpose = forms.CharField(label=_("Purpose"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_line_fields()

    def clean(self):
        cleaned = super().clean()
        cleaned["lines"] = [line for line, _p in self.clean_lines(cleaned)]
        return cleaned


class PurchaseForm(RequisitionForm):
    with_price = True

    def clean(self):
        cleaned = forms.Form.clean(self)
        cleaned["lines"] = self.clean_lines(cleaned)
        return cleaned


class ReceiptForm(LinesMixin, TextCleaningMixin, forms.Form):
    """入库 of goods not bought through a purchase request (a gift, a transfer in)."""

    store = forms.ModelChoiceField(label=_("Store"), queryset=Store.objects.all())
    note = forms.CharField(label=_("Where from"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_line_fields()

    def clean(self):
        cleaned = super().clean()
        cleaned["lines"] = [line for line, _p in self.clean_lines(cleaned)]
        return cleaned


class ItemForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = Item
        fields = ["name", "spec", "unit", "threshold"]


class ItemEditForm(ItemForm):
    """A catalogue entry's name, unit, low-stock threshold and whether it is still in use."""

    class Meta(ItemForm.Meta):
        fields = ["name", "spec", "unit", "threshold", "active"]


class DecisionForm(ReasonForm):
    reason_required = False


class StockTakeForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = list(levels)
        for level in self.levels:
            self.fields[f"counted_{level.item_id}"] = forms.IntegerField(
                label=str(level.item), min_value=0, required=False
            )

    def rows(self):
        return [(level, self[f"counted_{level.item_id}"]) for level in self.levels]

    def clean(self):
        cleaned = super().clean()
        cleaned["counted"] = {
            level.item_id: cleaned[f"counted_{level.item_id}"]
            for level in self.levels
            if cleaned.get(f"counted_{level.item_id}") is not None
        }
        if not cleaned["counted"] and not self.errors:
            raise forms.ValidationError(_("Enter at least one counted quantity."))
        return cleaned


class AssetForm(TextCleaningMixin, forms.ModelForm):
    class Meta:
        model = Asset
        fields = ["tag", "name", "custodian", "location", "status"]
        widgets = {"custodian": PeoplePicker()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["custodian"].queryset = people()


class TransferForm(TextCleaningMixin, forms.Form):
    to = forms.ModelChoiceField(label=_("New custodian"), queryset=people(), widget=PeoplePicker())
    location = forms.CharField(label=_("Location"), max_length=100, required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class RepairForm(TextCleaningMixin, forms.Form):
    fault = forms.CharField(
        label=_("Fault"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    handler = forms.ModelChoiceField(
        label=pgettext_lazy("repair", "Handler"), queryset=people(), widget=PeoplePicker()
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))


class RepairDoneForm(TextCleaningMixin, forms.Form):
    outcome = forms.CharField(label=_("What was done"), max_length=500)
