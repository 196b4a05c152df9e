"""The seal register: the director adds seals, sets their chain and image, retires them."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.services import audit
from seals import images
from seals.models import Seal
from seals.permissions import may_manage_seals

FIELDS = ("name", "kind", "custodian", "location", "chain", "diameter_mm", "note")


def _check(*, name: str, custodian, exclude: int | None = None) -> None:
    if not custodian.is_active:
        raise DomainError(_("The custodian must be an active member of staff."))
    if Seal.objects.filter(name=name).exclude(pk=exclude).exists():
        raise DomainError(_("A seal of this name is already in the register."))


@transaction.atomic
def seal_create(*, by, name: str, kind: str, custodian, location: str, chain: str, **extra) -> Seal:
    """Add a seal to the register (the director)."""
    require_actor(may_manage_seals(by), _("Only the office director keeps the seal register."))
    _check(name=name, custodian=custodian)
    seal = Seal.objects.create(
        name=name, kind=kind, custodian=custodian, location=location, chain=chain, **extra
    )
    audit(actor=by, verb="seals.created", target=seal, data={"custodian": str(custodian)})
    return seal


@transaction.atomic
def seal_update(*, seal_id: int, by, **changes) -> Seal:
    """Change a seal's custodian, place, chain or size (the director); audited field by field."""
    require_actor(may_manage_seals(by), _("Only the office director keeps the seal register."))
    seal = Seal.objects.select_for_update().get(pk=seal_id)
    _check(
        name=changes.get("name", seal.name),
        custodian=changes.get("custodian", seal.custodian),
        exclude=seal.pk,
    )
    changed = {}
    for field, value in changes.items():
        if field in FIELDS and getattr(seal, field) != value:
            changed[field] = str(value)
            setattr(seal, field, value)
    if changed:
        seal.save(update_fields=list(changed))
        audit(actor=by, verb="seals.updated", target=seal, data=changed)
    return seal


@transaction.atomic
def seal_image_set(*, seal_id: int, by, data: bytes) -> Seal:
    """Store the seal's image for electronic use (the director only), made red on transparent.
    It is kept privately and read only when an approved request is sealed."""
    require_actor(may_manage_seals(by), _("Only the office director may upload a seal image."))
    seal = Seal.objects.select_for_update().get(pk=seal_id)
    if seal.status == Seal.Status.RETIRED:
        raise TransitionNotAllowed(_("A retired seal takes no image."))
    png = images.normalise(data)
    old = seal.image.name if seal.image else ""
    seal.image.save(f"seal-{seal.pk}.png", ContentFile(png), save=False)
    seal.image_uploaded_by, seal.image_uploaded_at = by, now()
    seal.save(update_fields=["image", "image_uploaded_by", "image_uploaded_at"])
    if old and old != seal.image.name:
        transaction.on_commit(lambda: seal.image.storage.delete(old))
    audit(actor=by, verb="seals.image_set", target=seal)
    return seal


@transaction.atomic
def seal_retire(*, seal_id: int, by, reason: str) -> Seal:
    """Take a seal out of use for good (the director); a lent-out seal must come back first."""
    require_actor(may_manage_seals(by), _("Only the office director keeps the seal register."))
    seal = Seal.objects.select_for_update().get(pk=seal_id)
    if seal.status == Seal.Status.LENT_OUT:
        raise TransitionNotAllowed(_("The seal is lent out: confirm its return first."))
    if seal.status == Seal.Status.RETIRED:
        raise TransitionNotAllowed(_("The seal is already retired."))
    seal.status = Seal.Status.RETIRED
    seal.save(update_fields=["status"])
    audit(actor=by, verb="seals.retired", target=seal, data={"reason": reason})
    return seal
