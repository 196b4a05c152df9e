"""The duty log and incidents: written by the people on the shift."""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty.models import Assignment, Incident, IncidentAcknowledgement, LogEntry, Shift
from duty.permissions import can_keep_log, can_resolve_incident
from office.errors import DomainError, NotAllowed, require_actor
from office.roles import Role, users_with_role
from office.services import audit, notify

FUTURE_TOLERANCE = timedelta(minutes=10)


def _require_past(occurred_at) -> None:
    if occurred_at > now() + FUTURE_TOLERANCE:
        raise DomainError(_("The time cannot be in the future."))


def _require_log_keeper(*, shift: Shift, by) -> Shift:
    shift = Shift.objects.select_for_update().select_related("post", "template").get(pk=shift.pk)
    if not can_keep_log(by, shift):
        raise NotAllowed(_("Only the people on this shift can write its log, until handover."))
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
def log_follow_up_done(*, entry: LogEntry, by) -> LogEntry:
    """Close a pending follow-up (it is no longer carried over to the next shift)."""
    entry = (
        LogEntry.objects.select_for_update(of=("self",))
        .select_related("shift__handover")
        .get(pk=entry.pk)
    )
    require_actor(can_keep_log(by, entry.shift))
    if not entry.follow_up_pending:
        raise DomainError(_("This entry has no pending follow-up."))
    entry.follow_up_done_at = now()
    entry.save(update_fields=["follow_up_done_at"])
    audit(actor=by, verb="duty.follow_up_done", target=entry)
    return entry


def directors():
    return list(users_with_role(Role.DIRECTOR))


@transaction.atomic
def incident_report(
    *, shift: Shift, occurred_at, title: str, severity: str, description: str = "", by
) -> Incident:
    """Record an incident; a high one alerts the shift leader and the director at once."""
    shift = _require_log_keeper(shift=shift, by=by)
    _require_past(occurred_at)
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
    if severity == Incident.Severity.HIGH:
        leader = (
            Assignment.objects.filter(shift=shift, role=Assignment.Role.LEADER)
            .select_related("person")
            .first()
        )
        alerted = {p.pk: p for p in directors()}
        if leader is not None:
            alerted[leader.person_id] = leader.person
        alerted.pop(by.pk, None)
        IncidentAcknowledgement.objects.bulk_create(
            [IncidentAcknowledgement(incident=incident, person=p) for p in alerted.values()]
        )
        notify(
            recipients=alerted.values(),
            title=_("High-severity incident: %(title)s") % {"title": title},
            body=f"{shift} · {by}\n{description}".strip(),
            url=incident.get_absolute_url(),
            kind="duty.incident",
            actor=by,
            email=True,
            webhook=True,
        )
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
    audit(actor=by, verb="duty.incident_acknowledged", target=incident)
    notify(
        recipients=[incident.reported_by],
        title=_("%(person)s acknowledged the incident %(title)s")
        % {"person": by, "title": incident.title},
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
    incident.save(update_fields=["status", "resolution", "resolved_by", "resolved_at"])
    audit(actor=by, verb="duty.incident_resolved", target=incident)
    return incident
