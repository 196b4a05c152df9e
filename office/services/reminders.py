"""Reminders, exactly once.

The database is the source of truth. Apps call reminder_schedule() (idempotent per
kind/target/recipient/occurrence) and reminders_cancel(); a beat task every minute queues
send_reminders for every due row in chunks of BATCH_SIZE; reminders_send_batch() claims its
rows with SKIP LOCKED, delivers them in the same transaction and marks them sent, so
overlapping ticks, duplicate messages and a worker killed mid-task never deliver twice, and
an undelivered row is picked up next tick. 10,000 due at once take seconds, not 20 minutes.
"""

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.timezone import now

from office.i18n import Message, encode_text, needs_rendering, render_text
from office.models import Reminder

log = logging.getLogger(__name__)

# kind -> predicate(reminder) saying whether the reminder still makes sense when it is due.
_still_due_checks: dict[str, Callable[[Reminder], bool]] = {}


def register_reminder_kind(kind: str, still_due: Callable[[Reminder], bool]) -> None:
    """Let an app veto a due reminder whose reason has gone (e.g. the minutes were filed)."""
    _still_due_checks[kind] = still_due


def reminder_schedule(
    *,
    kind: str,
    target,
    recipient,
    due_at: datetime,
    title,
    body="",
    url: str = "",
    occurrence: str = "",
) -> Reminder:
    """Schedule, move or revive a reminder; an occurrence already sent is never sent again.
    `title` / `body` as notify() takes them (a lazy string or office.i18n.Message is written
    in the recipient's language when sent)."""
    occurrence = occurrence or due_at.isoformat()
    message = {}
    if needs_rendering(title) or needs_rendering(body):
        message = {"title": encode_text(title), "body": encode_text(body)}
        title = render_text(message["title"], settings.LANGUAGE_CODE)
        body = render_text(message["body"], settings.LANGUAGE_CODE)
    title, body = str(title)[:200], str(body)
    reminder, created = Reminder.objects.get_or_create(
        kind=kind,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        recipient=recipient,
        occurrence=occurrence,
        defaults={"due_at": due_at, "title": title, "body": body, "url": url, "message": message},
    )
    if not created and reminder.status != Reminder.Status.SENT:
        # Pending: move it. Cancelled (e.g. a deadline extended and moved back): revive it.
        # Sent stays sent: an occurrence is delivered once, whatever is scheduled later.
        reminder.due_at, reminder.title, reminder.body, reminder.url = due_at, title, body, url
        reminder.message = message
        reminder.status = Reminder.Status.PENDING
        reminder.save(update_fields=["due_at", "title", "body", "url", "message", "status"])
    return reminder


def _text(reminder: Reminder) -> tuple:
    """What notify() is handed for a reminder: its messages if it has them, else its text."""
    if not reminder.message:
        return reminder.title, reminder.body
    return tuple(
        [Message.from_json(p) if isinstance(p, dict) else p for p in reminder.message.get(k, [])]
        for k in ("title", "body")
    )


def reminders_cancel(*, target, kind: str | None = None) -> int:
    """Cancel the target's pending reminders (all, or of one kind); returns how many."""
    pending = Reminder.objects.filter(
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        status=Reminder.Status.PENDING,
    )
    if kind is not None:
        pending = pending.filter(kind=kind)
    return pending.update(status=Reminder.Status.CANCELLED)


def due_reminder_ids(*, limit: int = 50_000) -> list[int]:
    return list(
        Reminder.objects.filter(status=Reminder.Status.PENDING, due_at__lte=now())
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )


BATCH_SIZE = 200  # reminders one task claims and delivers in one transaction


def reminders_send_batch(*, reminder_ids: list[int]) -> int:
    """Deliver the due reminders among the ids, once each; returns how many were sent.

    One transaction claims them all with SKIP LOCKED (rows another worker holds are left to
    it), delivers each inside a savepoint (one failing reminder stays pending for the next
    tick, the others go) and marks them sent: a batch queued twice, or overlapping a single
    send_reminder, still delivers each reminder once."""
    from office.services.notifications import notify

    sent = 0
    with transaction.atomic():
        claimed = list(
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient")
            .filter(pk__in=reminder_ids, status=Reminder.Status.PENDING, due_at__lte=now())
            .order_by("due_at", "pk")
        )
        _fault_injection_pause()
        done, vetoed = [], []
        for reminder in claimed:
            check = _still_due_checks.get(reminder.kind)
            if check is not None and not check(reminder):
                vetoed.append(reminder.pk)
                continue
            try:
                with transaction.atomic():
                    notify(
                        recipients=[reminder.recipient],
                        title=_text(reminder)[0],
                        body=_text(reminder)[1],
                        url=reminder.url,
                        kind=f"reminder.{reminder.kind}",
                        reminder=reminder,
                    )
            except Exception:
                log.exception("reminder %s not delivered; it stays pending", reminder.pk)
                continue
            done.append(reminder.pk)
        moment = now()
        Reminder.objects.filter(pk__in=done).update(status=Reminder.Status.SENT, sent_at=moment)
        Reminder.objects.filter(pk__in=vetoed).update(status=Reminder.Status.CANCELLED)
        sent = len(done)
    log.info("%s reminders sent (%s claimed)", sent, len(claimed))
    return sent


def reminder_send(*, reminder_id: int) -> bool:
    """Deliver one due reminder once. Returns False if it was taken, sent or cancelled."""
    from office.services.notifications import notify

    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=reminder_id, status=Reminder.Status.PENDING, due_at__lte=now())
            .first()
        )
        if reminder is None:
            return False
        _fault_injection_pause()
        check = _still_due_checks.get(reminder.kind)
        if check is not None and not check(reminder):
            reminder.status = Reminder.Status.CANCELLED
            reminder.save(update_fields=["status"])
            return False
        notify(
            recipients=[reminder.recipient],
            title=_text(reminder)[0],
            body=_text(reminder)[1],
            url=reminder.url,
            kind=f"reminder.{reminder.kind}",
            reminder=reminder,
        )
        reminder.status, reminder.sent_at = Reminder.Status.SENT, now()
        reminder.save(update_fields=["status", "sent_at"])
    log.info("reminder %s sent", reminder_id)
    return True


def _fault_injection_pause() -> None:
    # The end-to-end test kills a worker while it holds a claimed row; it sets this to
    # widen that window. Never set in production.
    pause = float(os.environ.get("OFFICE_REMINDER_TEST_PAUSE", "0") or 0)
    if pause:
        time.sleep(pause)
