"""The transactional outbox: every side effect queued for a worker goes through enqueue().

    enqueue("office.tasks.send_notification_email", notification.pk)   # inside the service

The row is written in the caller's transaction, so the change and the promise to act on it
commit together. After commit it is handed to the broker; if Redis is down the request
still answers (a warning is logged) and the beat sweep hands it over again once Redis is
back. A worker runs the task and marks the row done in one transaction, holding the row's
lock, so a message published twice takes effect once.
"""

import logging
import time
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils.module_loading import import_string
from django.utils.timezone import now

from office.conf import setting
from office.models import OutboxMessage

log = logging.getLogger(__name__)

# A publish gives up quickly: the request must not hang while Redis is away.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# After a broker error this process leaves new messages to the sweep for a while, so a request
# queueing twenty e-mails waits for one connection timeout, not twenty.
PAUSE_AFTER_ERROR_SECONDS = 15.0
_paused_until = 0.0


def enqueue(task: str, *args) -> OutboxMessage:
    """Queue task(*args) for after the caller's commit; delivered once, whenever Redis answers."""
    import_string(task)  # fail now, not in the worker, on a wrong path
    message = OutboxMessage.objects.create(task=task, args=list(args))
    transaction.on_commit(lambda: publish([message.pk]))
    return message


def publish(message_ids) -> int:
    """Hand messages to the broker; returns how many it took. Never raises: the sweep retries."""
    from office.celery import app
    from office.tasks import deliver

    global _paused_until
    eager = app.conf.task_always_eager  # tests: the task runs here, no broker involved
    if not message_ids or (not eager and time.monotonic() < _paused_until):
        return 0
    sent = []
    try:
        with app.connection_for_write() as connection:
            for message_id in message_ids:
                deliver.apply_async(
                    (message_id,),
                    connection=connection,
                    retry=True,
                    retry_policy=PUBLISH_RETRY_POLICY,
                )
                sent.append(message_id)
    except Exception as exc:  # broker down or unreachable: the row is kept for the sweep
        _paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
        log.warning("outbox: broker refused %d message(s): %r", len(message_ids) - len(sent), exc)
        unsent = [pk for pk in message_ids if pk not in sent]
        OutboxMessage.objects.filter(pk__in=unsent).update(last_error=repr(exc)[:300])
    if sent:
        OutboxMessage.objects.filter(pk__in=sent).update(
            dispatched_at=now(), attempts=F("attempts") + 1
        )
    return len(sent)


def deliver(*, message_id: int) -> bool:
    """Run one message's task unless it is done or being run; the effect and done_at commit
    together. A failure is recorded and raised; the sweep hands the message over again."""
    try:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(pk=message_id, done_at__isnull=True)
                .first()
            )
            if message is None:
                return False
            import_string(message.task)(*message.args)  # a Celery task called runs here
            message.done_at = now()
            message.save(update_fields=["done_at"])
    except Exception as exc:
        OutboxMessage.objects.filter(pk=message_id).update(last_error=repr(exc)[:300])
        raise
    return True


def undone_ids(*, limit: int = 500) -> list[int]:
    """Messages the broker never took, or took longer ago than the retry delay and not done."""
    retry_after = setting("OFFICE_OUTBOX_RETRY_SECONDS", 300, int)
    max_attempts = setting("OFFICE_OUTBOX_MAX_ATTEMPTS", 12, int)
    stale = now() - timedelta(seconds=retry_after)
    return list(
        OutboxMessage.objects.filter(done_at__isnull=True, attempts__lt=max_attempts)
        .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=stale))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def sweep() -> int:
    """Beat, every minute: hand over again what is undone; forget done rows after a week."""
    OutboxMessage.objects.filter(done_at__lt=now() - timedelta(days=7)).delete()
    return publish(undone_ids())
