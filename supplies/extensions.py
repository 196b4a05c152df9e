"""What the supplies app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import navigation, search, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _assets_found(user, term, limit):
    from . import selectors

    return search.counted(selectors.asset_list(user, q=term), limit)


def _items_found(user, term, limit):
    from . import selectors

    return search.counted(selectors.items_search(user, term), limit)


def register() -> None:
    from . import approvals, selectors  # noqa: F401  (approvals: the rules and their to-do)
    from .services.assets import REPAIR_DUE, repair_still_due

    navigation.register(
        navigation.NavEntry(
            key="supplies", label=_("Supplies"), url_name="supplies:index", order=37
        )
    )
    for key, label, queryset, date_field in (
        (
            "supplies.requisitions_to_issue",
            _("Supplies to issue"),
            selectors.requisitions_to_issue,
            "updated_at",
        ),
        (
            "supplies.purchases_to_receive",
            _("Purchases to receive"),
            selectors.purchases_to_receive,
            "updated_at",
        ),
        (
            "supplies.repairs_to_handle",
            _("Repairs to handle"),
            selectors.repairs_to_handle,
            "created_at",
        ),
    ):
        todo.register(
            todo.TodoSource(
                key=key, bucket=todo.TODO, label=label, queryset=queryset, date_field=date_field
            )
        )
    todo.register(
        todo.TodoSource(
            key="supplies.low_stock",
            bucket=todo.TO_READ,
            label=_("Low stock"),
            queryset=selectors.low_stock,
            date_field="low_since",
        )
    )
    search.register("supplies.assets", _("Assets"), _assets_found, 60, list_url="supplies:assets")
    search.register("supplies.items", _("Supplies"), _items_found, 61, list_url="supplies:index")
    register_reminder_kind(REPAIR_DUE, repair_still_due)
    register_verbs(
        {
            "supplies.item_added": _("Catalogue entry added"),
            "supplies.item_changed": _("Catalogue entry changed"),
            "supplies.stock_received": _("Received into stock"),
            "supplies.stocktake_recorded": _("Stock-taking recorded"),
            "supplies.requisition_requested": _("Supplies requested"),
            "supplies.requisition_approved": _("Requisition approved"),
            "supplies.requisition_returned": _("Requisition returned"),
            "supplies.requisition_issued": _("Supplies issued"),
            "supplies.requisition_cancelled": _("Requisition cancelled"),
            "supplies.purchase_requested": _("Purchase requested"),
            "supplies.purchase_approved": _("Purchase approved"),
            "supplies.purchase_returned": _("Purchase returned"),
            "supplies.purchase_received": _("Purchase received"),
            "supplies.purchase_cancelled": _("Purchase cancelled"),
            "supplies.asset_added": _("Asset added"),
            "supplies.asset_changed": _("Asset changed"),
            "supplies.asset_transferred": _("Asset transferred"),
            "supplies.repair_reported": _("Repair requested"),
            "supplies.repair_done": _("Repair done"),
        }
    )
