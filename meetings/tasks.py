"""Celery tasks of the meetings app: ids in, one service call out."""

from smtplib import SMTPException

from celery import shared_task


@shared_task(
    acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=60, max_retries=5
)
def send_meeting_email(meeting_id: int, user_id: int, method: str) -> bool:
    """E-mail one person the meeting's .ics (REQUEST or CANCEL) with the current SEQUENCE.

    Safe to run twice: calendar clients treat a repeated UID + SEQUENCE as the same event.
    """
    from .services.email import meeting_email_send

    return meeting_email_send(meeting_id=meeting_id, user_id=user_id, method=method)


@shared_task(acks_late=True)
def sweep_ended_meetings() -> int:
    """Periodic: scheduled meetings that are over become held; their minutes fall due."""
    from .services.scheduling import ended_meeting_ids

    ids = ended_meeting_ids()
    for meeting_id in ids:
        mark_meeting_held.delay(meeting_id)
    return len(ids)


@shared_task(acks_late=True)
def mark_meeting_held(meeting_id: int) -> bool:
    """Safe to run twice: a meeting already held is left alone."""
    from office.errors import DomainError

    from .services.scheduling import meeting_mark_held

    try:
        meeting_mark_held(meeting_id=meeting_id, by=None)  # the system
    except DomainError:
        return False
    return True
