"""Stock (库存): every change is a Movement under a lock on its StockLevel row; the low-stock
alert goes to the storekeepers once per crossing of the item's threshold."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify

from .. import permissions as perms
from ..models import Item, Movement, StockLevel, StockTake, StockTakeLine, Store


@dataclass
class Line:
    item: Item
    quantity: int


def locked_levels(store: Store, items) -> dict[int, StockLevel]:
    """The store's rows for `items`, created at 0 when missing, locked in item order (so two
    issues never wait on each other crosswise)."""
    ids = sorted({item.pk for item in items})
    existing = set(
        StockLevel.objects.filter(store=store, item_id__in=ids).values_list("item_id", flat=True)
    )
    StockLevel.objects.bulk_create(
        [StockLevel(store=store, item_id=pk) for pk in ids if pk not in existing],
        ignore_conflicts=True,
    )
    rows = (
        StockLevel.objects.select_for_update(of=("self",))
        .select_related("item")
        .filter(store=store, item_id__in=ids)
        .order_by("item_id")
    )
    return {row.item_id: row for row in rows}


def shortages(store: Store, lines: list[Line], levels: dict[int, StockLevel]) -> list[str]:
    short = []
    for line in lines:
        have = levels[line.item.pk].quantity
        if have < line.quantity:
            short.append(
                _("%(item)s: %(want)s %(unit)s asked, %(have)s in stock")
                % {"item": line.item, "want": line.quantity, "unit": line.item.unit, "have": have}
            )
    return short


def _low_alert(level: StockLevel, by) -> None:
    """Told once when it falls to the threshold; told again only after it was above."""
    item = level.item
    if level.quantity > item.threshold:
        if level.low_since is not None:
            level.low_since = None
            level.save(update_fields=["low_since"])
        return
    if level.low_since is not None:
        return
    level.low_since = timezone.now()
    level.save(update_fields=["low_since"])
    notify(
        recipients=users_with_role("storekeeper"),
        title=Message(
            gettext_noop("Low stock: %(item)s in %(store)s, %(quantity)s %(unit)s left"),
            item=str(item),
            store=str(level.store),
            quantity=level.quantity,
            unit=item.unit,
        ),
        url=_stock_url(),
        kind="supplies.low_stock",
        actor=None,  # the keeper who issued the last of it is told too
    )


def _stock_url() -> str:
    from django.urls import reverse

    return reverse("supplies:index")


def move(level: StockLevel, *, kind: str, quantity: int, by, at=None, **links) -> Movement:
    """Change a locked level by `quantity` (signed) and record the movement. Callers lock."""
    level.quantity += quantity
    if level.quantity < 0:
        raise DomainError(_("Stock cannot go below zero."))
    level.save(update_fields=["quantity"])
    movement = Movement.objects.create(
        store_id=level.store_id,
        item_id=level.item_id,
        kind=kind,
        quantity=quantity,
        balance=level.quantity,
        by=by,
        at=at or timezone.now(),
        **links,
    )
    _low_alert(level, by)
    return movement


def _check_lines(lines: list[Line]) -> None:
    if not lines:
        raise DomainError(_("Add at least one item."))
    if any(line.quantity < 1 for line in lines):
        raise DomainError(_("Each quantity must be at least 1."))
    if len({line.item.pk for line in lines}) != len(lines):
        raise DomainError(_("Each item may appear only once."))


@transaction.atomic
def item_save(*, item: Item, by) -> Item:
    """Add or change a catalogue entry (name and specification together are unique)."""
    require_actor(perms.may_keep_stock(by))
    created = item.pk is None
    clash = Item.objects.filter(name=item.name, spec=item.spec).exclude(pk=item.pk)
    if clash.exists():
        raise DomainError(_("%(item)s is already in the catalogue.") % {"item": item})
    item.save()
    audit(actor=by, verb="supplies.item_added" if created else "supplies.item_changed", target=item)
    return item


@transaction.atomic
def item_update(
    *, item_id: int, by, name: str, spec: str, unit: str, threshold: int, active: bool
) -> Item:
    """Change a catalogue entry (locked; name and specification stay unique), audited with
    what changed; stock and history keep pointing at the same item."""
    require_actor(perms.may_keep_stock(by))
    item = Item.objects.select_for_update().get(pk=item_id)
    name, spec, unit = name.strip(), spec.strip(), unit.strip()
    if not name or not unit:
        raise DomainError(_("A catalogue entry needs a name and a unit."))
    if threshold < 0:
        raise DomainError(_("The low-stock threshold cannot be negative."))
    if Item.objects.filter(name=name, spec=spec).exclude(pk=item.pk).exists():
        shown = f"{name}（{spec}）" if spec else name
        raise DomainError(_("%(item)s is already in the catalogue.") % {"item": shown})
    new = {"name": name, "spec": spec, "unit": unit, "threshold": threshold, "active": active}
    changes = {
        field: [getattr(item, field), value]
        for field, value in new.items()
        if getattr(item, field) != value
    }
    if not changes:
        return item
    for field, (_old, value) in changes.items():
        setattr(item, field, value)
    item.save(update_fields=list(changes))
    audit(actor=by, verb="supplies.item_changed", target=item, data={"changes": changes})
    return item


@transaction.atomic
def stock_receive(*, store: Store, lines: list[Line], by, note: str = "", purchase=None) -> list:
    """入库: goods come into a store (a delivery, or a purchase received)."""
    require_actor(perms.may_keep_stock(by))
    _check_lines(lines)
    levels = locked_levels(store, [line.item for line in lines])
    moves = [
        move(
            levels[line.item.pk],
            kind=Movement.Kind.RECEIPT,
            quantity=line.quantity,
            by=by,
            note=note,
            purchase=purchase,
            department=purchase.department if purchase else None,
        )
        for line in lines
    ]
    for movement in moves:
        audit(
            actor=by,
            verb="supplies.stock_received",
            target=store,
            data={"subject": str(movement.item), "quantity": movement.quantity},
        )
    return moves


@transaction.atomic
def stocktake_record(*, store: Store, counted: dict[int, int], by, note: str = "") -> StockTake:
    """盘点: the counted quantities; each difference becomes an adjustment movement."""
    require_actor(perms.may_keep_stock(by))
    if not counted:
        raise DomainError(_("Enter at least one counted quantity."))
    if any(value is None or value < 0 for value in counted.values()):
        raise DomainError(_("A counted quantity cannot be negative."))
    items = list(Item.objects.filter(pk__in=counted))
    if len(items) != len(counted):
        raise DomainError(_("Unknown item."))
    levels = locked_levels(store, items)
    take = StockTake.objects.create(store=store, by=by, at=timezone.now(), note=note)
    for item in sorted(items, key=lambda i: i.pk):
        level = levels[item.pk]
        StockTakeLine.objects.create(
            stocktake=take, item=item, expected=level.quantity, counted=counted[item.pk]
        )
        difference = counted[item.pk] - level.quantity
        if difference:
            move(
                level,
                kind=Movement.Kind.ADJUSTMENT,
                quantity=difference,
                by=by,
                at=take.at,
                stocktake=take,
                note=note,
            )
    audit(
        actor=by,
        verb="supplies.stocktake_recorded",
        target=take,
        data={"store": str(store), "items": len(items)},
    )
    return take
