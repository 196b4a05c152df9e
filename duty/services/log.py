"""The duty log and incidents: written by the people on the shift."""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from duty.models import Incident, IncidentAcknowledgement, LogEntry, Shift
from duty.permissions import can_close_follow_up, can_keep_log, can_resolve_incident
from office.errors import DomainError, NotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify

FUTURE_TOLERANCE = timedelta(minutes=10)


def _require_past(occurred_at) -> None:
    if occurred_at > now() + FUTURE_TOLERANCE:
        raise DomainError(_("The time cannot be in the future."))


def _require_log_keeper(*, shift: Shift, by) -> Shift:
    shift = Shift.objects.select_for_update().select_related("post", "template").get(pk=shift.pk)
    if not can_keep_log(by, shift):
        raise NotAllowed(
            _("Only the people on this shift can write its log, until the shift ends.")
        )
    return shift


@transaction.atomic
def log_entry_add(
    *, shift: Shift, occurred_at, kind: str, summary: str, follow_up: str = "", by
) -> LogEntry:
    shift = _require_log_keeper(shift=shift, by=by)
    _require_past(occurred_at)
    entry = LogEntry.objects.create(
        shift=shift,
        occurred_at=occurred_at,
        kind=kind,
        summary=summary,
        follow_up=follow_up,
        author=by,
    )
    audit(actor=by, verb="duty.log_added", target=entry)
    return entry


@transaction.atomic
def log_follow_up_done(*, entry: LogEntry, by, outcome: str = LogEntry.Outcome.DONE) -> LogEntry:
    """Close an open matter (done, or handed back to whoever gave it): the entry and every
    pending copy of the same follow-up at the post, so it is carried over no more."""
    entry = (
        LogEntry.objects.select_for_update(of=("self",))
        .select_related("shift__handover")
        .get(pk=entry.pk)
    )
    require_actor(can_close_follow_up(by, entry))
    if not entry.follow_up_pending:
        raise DomainError(_("This entry has no pending follow-up."))
    if outcome not in LogEntry.Outcome.values:
        raise DomainError(_("Choose whether the matter is done or handed back."))
    moment = now()
    same = (
        LogEntry.objects.select_for_update()
        .filter(
            shift__post_id=entry.shift.post_id,
            follow_up=entry.follow_up,
            follow_up_done_at__isnull=True,
        )
        .order_by("pk")
    )
    closed = [e.pk for e in same]
    LogEntry.objects.filter(pk__in=closed).update(
        follow_up_done_at=moment, follow_up_outcome=outcome, follow_up_done_by=by
    )
    entry.follow_up_done_at, entry.follow_up_outcome, entry.follow_up_done_by = moment, outcome, by
    audit(
        actor=by,
        verb="duty.follow_up_done" if outcome == LogEntry.Outcome.DONE else "duty.follow_up_back",
        target=entry,
        data={"entries": closed},
    )
    return entry


@transaction.atomic
def incident_report(
    *, shift: Shift, occurred_at, title: str, severity: str, description: str = "", by
) -> Incident:
    """Record an incident; its grade's escalation chain starts with the first alert at once."""
    from duty.services.escalation import run_step

    shift = _require_log_keeper(shift=shift, by=by)
    _require_past(occurred_at)
    if severity not in Incident.Severity.values:
        raise DomainError(_("Choose the incident's grade."))
    incident = Incident.objects.create(
        shift=shift,
        occurred_at=occurred_at,
        title=title,
        description=description,
        severity=severity,
        reported_by=by,
    )
    LogEntry.objects.create(
        shift=shift, occurred_at=occurred_at, kind=LogEntry.Kind.INCIDENT, summary=title, author=by
    )
    audit(actor=by, verb="duty.incident_reported", target=incident, data={"severity": severity})
    run_step(incident)
    return incident


@transaction.atomic
def incident_acknowledge(*, incident: Incident, by) -> IncidentAcknowledgement:
    """Someone alerted confirms they have seen the incident; the time is kept."""
    ack = (
        IncidentAcknowledgement.objects.select_for_update()
        .filter(incident=incident, person=by)
        .first()
    )
    if ack is None:
        raise NotAllowed(_("You were not asked to acknowledge this incident."))
    if ack.acknowledged_at is not None:
        raise DomainError(_("You have already acknowledged this incident."))
    ack.acknowledged_at = now()
    ack.save(update_fields=["acknowledged_at"])
    # The first acknowledgement stops the escalation ladder.
    Incident.objects.filter(pk=incident.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=ack.acknowledged_at, next_escalation_at=None
    )
    audit(actor=by, verb="duty.incident_acknowledged", target=incident)
    notify(
        recipients=[incident.reported_by],
        title=Message(
            gettext_noop("%(person)s acknowledged the incident %(title)s"),
            person=by,
            title=incident.title,
        ),
        url=incident.get_absolute_url(),
        kind="duty.incident",
        actor=by,
        email=False,
    )
    return ack


@transaction.atomic
def incident_resolve(*, incident: Incident, resolution: str, by) -> Incident:
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    incident.require_transition(Incident.Status.RESOLVED, _("This incident is already resolved."))
    require_actor(can_resolve_incident(by, incident))
    incident.status, incident.resolution = Incident.Status.RESOLVED, resolution
    incident.resolved_by, incident.resolved_at = by, now()
    incident.next_escalation_at = None
    incident.save(
        update_fields=["status", "resolution", "resolved_by", "resolved_at", "next_escalation_at"]
    )
    audit(actor=by, verb="duty.incident_resolved", target=incident)
    return incident
