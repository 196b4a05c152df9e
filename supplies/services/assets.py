"""Fixed assets (资产): the register, transfers between custodians, repairs (报修) with a
handler and a deadline, reminded once on the deadline and tracked to done."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message, when
from office.services import audit, notify, reminder_schedule, reminders_cancel

from .. import permissions as perms
from ..models import Asset, AssetTransfer, Repair

REPAIR_DUE = "supplies.repair_due"


@transaction.atomic
def asset_save(*, asset: Asset, by) -> Asset:
    """Add or change an asset in the register (the tag number is unique)."""
    require_actor(perms.may_keep_stock(by))
    created = asset.pk is None
    if Asset.objects.filter(tag=asset.tag).exclude(pk=asset.pk).exists():
        raise DomainError(_("Tag number %(tag)s is already used.") % {"tag": asset.tag})
    asset.save()
    audit(
        actor=by,
        verb="supplies.asset_added" if created else "supplies.asset_changed",
        target=asset,
    )
    return asset


@transaction.atomic
def asset_transfer(*, asset_id: int, to, location: str, by, note: str = "") -> AssetTransfer:
    """Hand an asset to another custodian; both are told."""
    require_actor(perms.may_keep_stock(by))
    asset = Asset.objects.select_for_update().select_related("custodian").get(pk=asset_id)
    if asset.status == Asset.Status.RETIRED:
        raise DomainError(_("A retired asset cannot be transferred."))
    if to.pk == asset.custodian_id:
        raise DomainError(_("%(person)s already keeps this asset.") % {"person": to})
    location = (location or "").strip() or asset.location
    transfer = AssetTransfer.objects.create(
        asset=asset,
        from_custodian=asset.custodian,
        to_custodian=to,
        location=location,
        by=by,
        at=timezone.now(),
        note=note,
    )
    previous = asset.custodian
    asset.custodian, asset.location = to, location
    asset.save(update_fields=["custodian", "location"])
    audit(
        actor=by,
        verb="supplies.asset_transferred",
        target=asset,
        data={"from": str(previous), "to": str(to), "location": location},
    )
    notify(
        recipients=[previous, to],
        title=Message(
            gettext_noop("Asset %(asset)s passed from %(old)s to %(new)s"),
            asset=str(asset),
            old=str(previous),
            new=str(to),
        ),
        url=asset.get_absolute_url(),
        kind="supplies.asset_transferred",
        actor=by,
    )
    return transfer


def _deadline_moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


@transaction.atomic
def repair_report(*, asset_id: int, fault: str, handler, deadline: datetime.date, by) -> Repair:
    """报修: the asset goes under repair; the handler is told now and reminded on the day."""
    asset = Asset.objects.select_for_update().get(pk=asset_id)
    require_actor(perms.may_report_fault(by, asset))
    fault = (fault or "").strip()
    if not fault:
        raise DomainError(_("Please describe the fault."))
    if deadline < timezone.localdate():
        raise DomainError(_("The deadline cannot be in the past."))
    if asset.status == Asset.Status.RETIRED:
        raise DomainError(_("A retired asset cannot be repaired."))
    if asset.repairs.filter(status=Repair.Status.OPEN).exists():
        raise DomainError(_("This asset already has an open repair."))
    repair = Repair.objects.create(
        asset=asset,
        reported_by=by,
        fault=fault,
        handler=handler,
        deadline=deadline,
        previous_status=asset.status,
    )
    asset.status = Asset.Status.REPAIR
    asset.save(update_fields=["status"])
    audit(actor=by, verb="supplies.repair_reported", target=asset, data={"reason": fault})
    notify(
        recipients=[handler],
        title=Message(
            gettext_noop("Repair of %(asset)s by %(deadline)s"),
            asset=str(asset),
            deadline=when(deadline, "Y-m-d l"),
        ),
        body=fault,
        url=repair.get_absolute_url(),
        kind="supplies.repair_assigned",
        actor=by,
    )
    reminder_schedule(
        kind=REPAIR_DUE,
        target=repair,
        recipient=handler,
        due_at=_deadline_moment(deadline),
        title=Message(gettext_noop("Repair due today: %(asset)s"), asset=str(asset)),
        body=fault,
        url=repair.get_absolute_url(),
        occurrence=deadline.isoformat(),
    )
    return repair


@transaction.atomic
def repair_done(*, repair_id: int, outcome: str, by) -> Repair:
    """The handler closes the repair; the asset is back in its earlier status."""
    repair = Repair.objects.select_for_update().select_related("asset").get(pk=repair_id)
    require_actor(perms.may_close_repair(by, repair))
    repair.require_transition(Repair.Status.DONE, _("This repair is already done."))
    outcome = (outcome or "").strip()
    if not outcome:
        raise DomainError(_("Please say what was done."))
    repair.status, repair.outcome, repair.done_at = Repair.Status.DONE, outcome, timezone.now()
    repair.save(update_fields=["status", "outcome", "done_at"])
    asset = Asset.objects.select_for_update().get(pk=repair.asset_id)
    asset.status = repair.previous_status or Asset.Status.IN_USE
    asset.save(update_fields=["status"])
    reminders_cancel(target=repair)
    audit(actor=by, verb="supplies.repair_done", target=asset, data={"reason": outcome})
    notify(
        recipients=[repair.reported_by, asset.custodian],
        title=Message(gettext_noop("Repaired: %(asset)s"), asset=str(asset)),
        body=outcome,
        url=asset.get_absolute_url(),
        kind="supplies.repair_done",
        actor=by,
    )
    return repair


def repair_still_due(reminder) -> bool:
    return Repair.objects.filter(pk=reminder.target_id, status=Repair.Status.OPEN).exists()
