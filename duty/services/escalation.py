"""Incident escalation: each grade has a chain; unacknowledged after the grade's minutes, the
next person is alerted, then the last ones again, until someone acknowledges.

Steps are numbered from 0 (the alert when the incident is reported). incident_escalate() runs
one step per call under a row lock and moves next_escalation_at on in the same transaction,
so a sweep running twice, or two workers at once, deliver every step exactly once.
"""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty import conf
from duty.models import Assignment, Incident, IncidentAcknowledgement
from office.roles import Role, users_with_role
from office.services import audit, notify

LEADER, DIRECTOR = "leader", "director"
G = Incident.Severity
# grade -> levels; each level the people alerted together at that step.
CHAINS = {
    G.GENERAL: ((LEADER,),),
    G.MAJOR: ((LEADER,), (DIRECTOR,)),
    G.SERIOUS: ((LEADER,), (DIRECTOR,)),
    G.CRITICAL: ((LEADER, DIRECTOR),),  # 特别重大: the leader and the director at once
}
EMAIL = {G.MAJOR, G.SERIOUS, G.CRITICAL}
WEBHOOK = {G.SERIOUS, G.CRITICAL}


def chain_people(incident: Incident) -> list[list]:
    """The people of each level of the incident's chain (the reporter left out)."""
    leader = (
        Assignment.objects.filter(shift_id=incident.shift_id, role=Assignment.Role.LEADER)
        .select_related("person")
        .first()
    )
    directors = list(users_with_role(Role.DIRECTOR).order_by("pk"))
    # A shift nobody leads: the director stands in, so even a 一般 incident reaches someone.
    found = {LEADER: [leader.person] if leader else directors, DIRECTOR: directors}
    levels, alerted = [], {incident.reported_by_id}
    for level in CHAINS[incident.severity]:
        people = [p for role in level for p in found[role] if p.pk not in alerted]
        people = list({p.pk: p for p in people}.values())
        alerted.update(p.pk for p in people)
        levels.append(people)  # an empty level (all told already) is passed over at once
    return levels


def total_steps(levels) -> int:
    return len(levels) + conf.escalation_repeats()


def _alert(incident: Incident, people, *, step: int, repeat: bool) -> None:
    IncidentAcknowledgement.objects.bulk_create(
        [IncidentAcknowledgement(incident=incident, person=p) for p in people],
        ignore_conflicts=True,
    )
    grade = incident.get_severity_display()
    if step == 0:
        title = _("%(grade)s incident: %(title)s")
    elif repeat:
        title = _("Still not acknowledged, %(grade)s incident: %(title)s")
    else:
        title = _("Not acknowledged in time, escalated to you: %(grade)s incident: %(title)s")
    notify(
        recipients=people,
        title=title % {"grade": grade, "title": incident.title},
        body=f"{incident.shift} · {incident.reported_by}\n{incident.description}".strip(),
        url=incident.get_absolute_url(),
        kind="duty.incident",
        actor=None,
        email=incident.severity in EMAIL,
        webhook=incident.severity in WEBHOOK,
    )
    audit(
        actor=None,
        verb="duty.incident_alerted" if step == 0 else "duty.incident_escalated",
        target=incident,
        data={
            "step": step,
            "people": [p.pk for p in people],
            "subject": "、".join(p.display_name for p in people),
        },
    )


def run_step(incident: Incident) -> None:
    """Alert the step's people (an empty level is passed over at once); schedule the next."""
    levels = chain_people(incident)
    steps = total_steps(levels)
    step = incident.escalation_step
    while step < steps:
        if step < len(levels):
            people, repeat = levels[step], False
        else:  # past the chain: everyone alerted and silent so far, again
            pending = incident.acknowledgements.filter(acknowledged_at__isnull=True)
            people, repeat = [a.person for a in pending.select_related("person")], True
        step += 1
        if people:
            _alert(incident, people, step=step - 1, repeat=repeat)
            break
    incident.escalation_step = step
    incident.next_escalation_at = (
        now() + timedelta(minutes=conf.ack_minutes(incident.severity)) if step < steps else None
    )
    incident.save(update_fields=["escalation_step", "next_escalation_at"])


def escalations_due() -> list[int]:
    return list(
        Incident.objects.filter(
            next_escalation_at__lte=now(),
            status=Incident.Status.OPEN,
            acknowledged_at__isnull=True,
        )
        .order_by("next_escalation_at")
        .values_list("pk", flat=True)[:1000]
    )


@transaction.atomic
def incident_escalate(*, incident_id: int) -> bool:
    """The system's step (by=None) for one due incident; False if it is not due (any more)."""
    incident = (
        Incident.objects.select_for_update(skip_locked=True)
        .select_related("shift__post", "shift__template", "reported_by")
        .filter(
            pk=incident_id,
            next_escalation_at__lte=now(),
            status=Incident.Status.OPEN,
            acknowledged_at__isnull=True,
        )
        .first()
    )
    if incident is None:
        return False
    run_step(incident)
    return True
