"""Handover (交接班): filed by someone on the outgoing shift, accepted or disputed by the next."""

from django.db import IntegrityError, transaction
from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from duty import conf
from duty.models import Handover, HandoverItem, Incident, LogEntry, Shift
from duty.permissions import can_accept_handover, handover_opens_at, is_on_shift
from duty.selectors import next_shift
from duty.services.reminders import KIND_HANDOVER_LATE, KIND_HANDOVER_LATE_LEADER
from office.errors import DomainError, NotAllowed
from office.i18n import Message
from office.services import audit, notify, reminders_cancel


def open_matters(shift: Shift):
    """What the next shift inherits: open incidents and pending follow-ups at the post so far,
    one entry per matter (the same follow-up written on several shifts is one, its latest)."""
    incidents = Incident.objects.filter(
        shift__post_id=shift.post_id,
        status=Incident.Status.OPEN,
        occurred_at__lt=shift.ends_at,
    )
    entries = LogEntry.objects.filter(
        shift__post_id=shift.post_id,
        follow_up_done_at__isnull=True,
        occurred_at__lt=shift.ends_at,
    ).exclude(follow_up="")
    latest = entries.order_by("follow_up", "-occurred_at", "-pk").distinct("follow_up")
    entries = LogEntry.objects.filter(pk__in=latest.values("pk")).order_by("-occurred_at")
    return incidents.order_by("-occurred_at"), entries


def too_early_message(shift: Shift) -> str:
    return _(
        "The handover opens %(minutes)s minutes before the shift ends, at %(time)s; "
        "until then keep the log."
    ) % {
        "minutes": conf.handover_window_minutes(),
        "time": localtime(handover_opens_at(shift)).strftime("%H:%M"),
    }


@transaction.atomic
def handover_file(*, shift: Shift, summary: str, items: list[tuple[str, str]], by) -> Handover:
    """File the report; open incidents and pending follow-ups are carried over by themselves."""
    shift = Shift.objects.select_for_update().select_related("post", "template").get(pk=shift.pk)
    if not is_on_shift(by, shift):
        raise NotAllowed(_("Only someone on this shift can file its handover."))
    if shift.starts_at > now():
        raise DomainError(_("This shift has not started yet."))
    if now() < handover_opens_at(shift):
        raise DomainError(too_early_message(shift))
    if Handover.objects.filter(shift=shift).exists():
        raise DomainError(_("The handover of this shift has already been filed."))
    try:
        with transaction.atomic():
            handover = Handover.objects.create(
                shift=shift,
                incoming_shift=next_shift(shift),
                summary=summary,
                filed_by=by,
                filed_at=now(),
                late=now() > shift.ends_at,
            )
    except IntegrityError as exc:  # filed by a colleague a moment ago
        raise DomainError(_("The handover of this shift has already been filed.")) from exc
    HandoverItem.objects.bulk_create(
        [HandoverItem(handover=handover, kind=k, description=d) for k, d in items]
    )
    incidents, entries = open_matters(shift)
    handover.carried_incidents.set(incidents)
    handover.carried_entries.set(entries)
    for kind in (KIND_HANDOVER_LATE, KIND_HANDOVER_LATE_LEADER):
        reminders_cancel(target=shift, kind=kind)
    audit(actor=by, verb="duty.handover_filed", target=handover)
    if handover.incoming_shift is not None:
        notify(
            recipients=[
                a.person for a in handover.incoming_shift.assignments.select_related("person")
            ],
            title=Message(
                gettext_noop("A handover awaits your acceptance: %(shift)s"), shift=shift
            ),
            url=handover.get_absolute_url(),
            kind="duty.handover",
            actor=by,
        )
    return handover


def _locked(handover: Handover) -> Handover:
    return (
        Handover.objects.select_for_update(of=("self",))
        .select_related("incoming_shift", "shift__post", "shift__template")
        .get(pk=handover.pk)
    )


@transaction.atomic
def handover_update(*, handover: Handover, summary: str, by) -> Handover:
    """The filer corrects the summary while nobody has answered yet; never after acceptance."""
    handover = _locked(handover)
    if handover.filed_by_id != by.pk:
        raise NotAllowed(_("Only the officer who filed the handover can correct it."))
    if handover.status != Handover.Status.FILED:
        raise DomainError(_("The handover has been answered and can no longer be changed."))
    old = handover.summary
    handover.summary = summary
    handover.save(update_fields=["summary"])
    audit(actor=by, verb="duty.handover_corrected", target=handover, data={"before": old})
    return handover


@transaction.atomic
def handover_accept(*, handover: Handover, note: str = "", by) -> Handover:
    handover = _locked(handover)
    handover.require_transition(
        Handover.Status.ACCEPTED, _("This handover has already been accepted.")
    )
    if not can_accept_handover(by, handover):
        raise NotAllowed(_("Only someone on the incoming shift can accept the handover."))
    handover.status, handover.accepted_by, handover.accepted_at = (
        Handover.Status.ACCEPTED,
        by,
        now(),
    )
    handover.acceptance_note = note
    handover.save(update_fields=["status", "accepted_by", "accepted_at", "acceptance_note"])
    audit(actor=by, verb="duty.handover_accepted", target=handover)
    notify(
        recipients=[handover.filed_by],
        title=Message(gettext_noop("Your handover was accepted")),
        body=str(handover),
        url=handover.get_absolute_url(),
        kind="duty.handover",
        actor=by,
        email=False,
    )
    return handover


@transaction.atomic
def handover_dispute(*, handover: Handover, note: str, by) -> Handover:
    """The incoming side disagrees; both texts are kept and the leaders are told."""
    handover = _locked(handover)
    handover.require_transition(
        Handover.Status.DISPUTED, _("Only a handover awaiting acceptance can be disputed.")
    )
    if not can_accept_handover(by, handover):
        raise NotAllowed(_("Only someone on the incoming shift can dispute the handover."))
    if not note.strip():
        raise DomainError(_("Say what is disputed."))
    handover.status, handover.disputed_by, handover.disputed_at = (
        Handover.Status.DISPUTED,
        by,
        now(),
    )
    handover.dispute_note = note
    handover.save(update_fields=["status", "disputed_by", "disputed_at", "dispute_note"])
    audit(actor=by, verb="duty.handover_disputed", target=handover)
    leaders = [
        a.person
        for a in handover.shift.assignments.select_related("person")
        if a.role == "leader" or a.person_id == handover.filed_by_id
    ]
    notify(
        recipients=leaders,
        title=Message(gettext_noop("A handover was disputed: %(shift)s"), shift=handover.shift),
        body=note,
        url=handover.get_absolute_url(),
        kind="duty.handover",
        actor=by,
    )
    return handover
