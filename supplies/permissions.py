"""Who may do what with supplies and assets. `may_*` ask who (the services use them);
`can_*` ask who and when (views and buttons)."""

from office.roles import has_role

from .models import Purchase, Repair, Requisition


def is_storekeeper(user) -> bool:
    return has_role(user, "storekeeper")


def sees_all(user) -> bool:
    """The storekeeper and the director see every requisition, purchase and figure."""
    return has_role(user, "storekeeper", "director")


def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_request(user) -> bool:
    return is_staff_member(user)


def may_keep_stock(user) -> bool:
    """Receipts, issues, stock-taking, the catalogue and the asset register."""
    return is_storekeeper(user)


def may_cancel(user, record) -> bool:
    return is_staff_member(user) and (record.requested_by_id == user.pk or is_storekeeper(user))


def can_issue(user, requisition: Requisition) -> bool:
    return may_keep_stock(user) and requisition.status == Requisition.Status.APPROVED


def can_receive(user, purchase: Purchase) -> bool:
    return may_keep_stock(user) and purchase.status == Purchase.Status.APPROVED


def can_cancel(user, record) -> bool:
    return may_cancel(user, record) and record.can_become(record.Status.CANCELLED)


def may_report_fault(user, asset) -> bool:
    return is_staff_member(user) and (asset.custodian_id == user.pk or is_storekeeper(user))


def may_close_repair(user, repair: Repair) -> bool:
    return is_staff_member(user) and (repair.handler_id == user.pk or is_storekeeper(user))


def can_close_repair(user, repair: Repair) -> bool:
    return may_close_repair(user, repair) and repair.status == Repair.Status.OPEN
