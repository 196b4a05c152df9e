"""Celery wrappers: ids in, one service call out. Safe to run twice (reminders are keyed
by occurrence, so a second run schedules nothing new)."""

from celery import shared_task


@shared_task(acks_late=True)
def sweep_overdue() -> int:
    """Beat, hourly: fan out one job per overdue item."""
    from supervision.services.schedule import overdue_task_ids

    ids = overdue_task_ids()
    for task_id in ids:
        remind_overdue.delay(task_id)
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def remind_overdue(task_id: int) -> bool:
    from supervision.services.schedule import overdue_remind

    return overdue_remind(task_id=task_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def render_circular(circular_id: int) -> None:
    """Safe to repeat (the claim makes a second run do nothing); rendered after the outbox's
    transaction commits, so no lock is held meanwhile."""
    from office.services.exports import run_after_commit
    from supervision.services.circulars import circular_render

    run_after_commit(lambda: circular_render(circular_id=circular_id))
