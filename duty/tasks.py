"""Celery wrappers: ids in, one service call out; every task is safe to run twice."""

from celery import shared_task


@shared_task(acks_late=True)
def sweep_incident_escalations() -> int:
    """Beat job (every minute): one task per incident whose next escalation step is due."""
    from duty.services.escalation import escalations_due

    due = escalations_due()
    for incident_id in due:
        escalate_incident.delay(incident_id)
    return len(due)


@shared_task(acks_late=True)
def escalate_incident(incident_id: int) -> bool:
    from duty.services.escalation import incident_escalate

    return incident_escalate(incident_id=incident_id)
