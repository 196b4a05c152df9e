"""Reads, always scoped to the user: a requisition or purchase is seen by its requester, the
people of its chain, the storekeeper and the director; anyone else gets 404. The catalogue,
stock and the asset register are open to staff."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Cast, Coalesce

from office.models import ApprovalStep

from . import permissions
from .models import Asset, Item, Movement, Purchase, Repair, Requisition, StockLevel


def _approver_of(user, model) -> Exists:
    return Exists(
        ApprovalStep.objects.filter(
            chain__target_type=ContentType.objects.get_for_model(model),
            chain__target_id=Cast(OuterRef("pk"), CharField()),
        ).filter(Q(person=user) | Q(decided_by=user) | Q(role__in=sorted(user.role_names())))
    )


def _scoped(model, user) -> QuerySet:
    records = model.objects.all()
    if not (user and user.is_authenticated):
        return records.none()
    if permissions.sees_all(user):
        return records
    return records.filter(Q(requested_by=user) | Q(_approver_of(user, model)))


def requisitions_for(user) -> QuerySet[Requisition]:
    return _scoped(Requisition, user)


def purchases_for(user) -> QuerySet[Purchase]:
    return _scoped(Purchase, user)


def requisition_list_for(user, *, status: str = "") -> QuerySet[Requisition]:
    records = requisitions_for(user).select_related("requested_by", "department", "store")
    if status in Requisition.Status.values:
        records = records.filter(status=status)
    return records


def purchase_list_for(user, *, status: str = "") -> QuerySet[Purchase]:
    records = purchases_for(user).select_related("requested_by", "department", "store")
    if status in Purchase.Status.values:
        records = records.filter(status=status)
    amount = ExpressionWrapper(
        F("lines__quantity") * F("lines__unit_price"),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
    return records.annotate(total=Sum(amount)).order_by("-created_at", "-id")


def stock_list(*, q: str = "", store=None) -> QuerySet[StockLevel]:
    levels = StockLevel.objects.select_related("store", "item")
    if store is not None:
        levels = levels.filter(store=store)
    if q:
        levels = levels.filter(Q(item__name__icontains=q) | Q(item__spec__icontains=q))
    return levels.order_by("store__order", "store__name", "item__name", "item__spec")


def catalogue(*, q: str = "") -> QuerySet[Item]:
    """Every catalogue entry, in use or not, with its stock summed over the stores (one query):
    an entry nobody has received yet is found here, not on the stock list."""
    items = Item.objects.annotate(in_stock=Coalesce(Sum("levels__quantity"), 0))
    if q:
        items = items.filter(Q(name__icontains=q) | Q(spec__icontains=q))
    return items.order_by("-active", "name", "spec")


def items_search(user, term: str):
    return Item.objects.filter(Q(name__icontains=term) | Q(spec__icontains=term)).order_by("name")


def assets_for(user) -> QuerySet[Asset]:
    if not permissions.is_staff_member(user):
        return Asset.objects.none()
    return Asset.objects.select_related("custodian")


def asset_list(user, *, q: str = "", status: str = "") -> QuerySet[Asset]:
    assets = assets_for(user)
    if q:
        assets = assets.filter(
            Q(tag__icontains=q) | Q(name__icontains=q) | Q(location__icontains=q)
        )
    if status in Asset.Status.values:
        assets = assets.filter(status=status)
    return assets


def movements_in(*, start, end) -> QuerySet[Movement]:
    return (
        Movement.objects.filter(at__gte=start, at__lt=end)
        .select_related("store", "item", "by", "department", "requisition", "purchase")
        .order_by("at", "id")
    )


# To-do sources: their rows' __str__ and get_absolute_url must not query.


def requisitions_to_issue(user) -> QuerySet[Requisition]:
    if not permissions.is_storekeeper(user):
        return Requisition.objects.none()
    return Requisition.objects.filter(status=Requisition.Status.APPROVED)


def purchases_to_receive(user) -> QuerySet[Purchase]:
    if not permissions.is_storekeeper(user):
        return Purchase.objects.none()
    return Purchase.objects.filter(status=Purchase.Status.APPROVED)


def repairs_to_handle(user) -> QuerySet[Repair]:
    if not permissions.is_staff_member(user):
        return Repair.objects.none()
    return Repair.objects.filter(handler=user, status=Repair.Status.OPEN).select_related("asset")


def low_stock(user) -> QuerySet[StockLevel]:
    if not permissions.is_storekeeper(user):
        return StockLevel.objects.none()
    return StockLevel.objects.filter(low_since__isnull=False).select_related("store", "item")
