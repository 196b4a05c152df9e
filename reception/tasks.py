"""Celery wrappers: ids in, one service call out; every task is safe to run twice."""

from celery import shared_task


@shared_task(acks_late=True)
def end_of_day_sweep() -> dict:
    """Beat job (21:00 Asia/Shanghai): fan out one task per visit or visitor due."""
    from reception.services import end_of_day_due

    no_shows, inside = end_of_day_due()
    for visit_id in no_shows:
        mark_no_show.delay(visit_id)
    for visitor_id in inside:
        flag_not_checked_out.delay(visitor_id)
    return {"no_show": len(no_shows), "not_checked_out": len(inside)}


@shared_task(acks_late=True)
def mark_no_show(visit_id: int) -> None:
    from reception.services import visit_mark_no_show

    visit_mark_no_show(visit_id=visit_id, by=None, quiet=True)  # the system


@shared_task(acks_late=True)
def flag_not_checked_out(visitor_id: int) -> None:
    from reception.services import visitor_flag_not_checked_out

    visitor_flag_not_checked_out(visitor_id=visitor_id)


@shared_task(acks_late=True)
def purge_id_numbers() -> int:
    """Beat job (daily): blank ID numbers past the retention period."""
    from reception.services import id_numbers_purge

    return id_numbers_purge()
