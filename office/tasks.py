"""Celery tasks of the shared core: thin wrappers, ids in, one service call out."""

import base64
import hashlib
import hmac
import logging
import time
import urllib.parse
from smtplib import SMTPException

import requests
from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils.timezone import now

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def dispatch_due_reminders() -> int:
    """Beat, every minute: queue one send task per chunk of due reminders (sending claims)."""
    from office.services.reminders import BATCH_SIZE, due_reminder_ids

    ids = due_reminder_ids()
    for start in range(0, len(ids), BATCH_SIZE):
        send_reminders.delay(ids[start : start + BATCH_SIZE])
    return len(ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_reminders(reminder_ids: list[int]) -> int:
    """Safe to run twice: the service skips reminders that are taken or already sent."""
    from office.services.reminders import reminders_send_batch

    return reminders_send_batch(reminder_ids=reminder_ids)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_reminder(reminder_id: int) -> bool:
    """Safe to run twice: the service skips a reminder that is taken or already sent."""
    from office.services.reminders import reminder_send

    return reminder_send(reminder_id=reminder_id)


@shared_task(
    acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=60, max_retries=5
)
def send_notification_email(notification_id: int) -> bool:
    """E-mail a copy of an in-app notification, once (emailed_at marks it done)."""
    from django.db import transaction

    from office.i18n import user_language
    from office.models import Notification
    from office.services.notifications import absolute_url

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return False
        # In the recipient's language, whoever caused it (office.i18n).
        title, body = notification.text(user_language(notification.recipient))
        if notification.url:
            body = f"{body}\n\n{absolute_url(notification.url)}".strip()
        send_mail(
            subject=f"[{settings.ORGANISATION_NAME}] {title}",
            message=body,
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
        notification.emailed_at = now()
        notification.save(update_fields=["emailed_at"])
    return True


@shared_task(
    acks_late=True, autoretry_for=(requests.RequestException,), retry_backoff=30, max_retries=5
)
def send_webhook(text: str) -> None:
    """Post a text message to the configured WeCom / DingTalk group robot."""
    from office.services.notifications import webhook_payload

    url = settings.NOTIFY_WEBHOOK_URL
    if not url:
        return
    secret = getattr(settings, "NOTIFY_WEBHOOK_SECRET", "")
    if settings.NOTIFY_WEBHOOK_KIND == "dingtalk" and secret:
        url = _dingtalk_signed(url, secret)
    response = requests.post(
        url, json=webhook_payload(text, settings.NOTIFY_WEBHOOK_KIND), timeout=10
    )
    response.raise_for_status()


def _dingtalk_signed(url: str, secret: str) -> str:
    """DingTalk's "加签": timestamp and HMAC-SHA256 signature as query parameters."""
    timestamp = str(round(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}timestamp={timestamp}&sign={sign}"


@shared_task(acks_late=True, reject_on_worker_lost=True)
def build_export(export_id: int) -> None:
    """Build a large PDF / spreadsheet in the background; safe to run twice. Rendered after
    the outbox's transaction commits (no lock held meanwhile)."""
    from office.services.exports import export_build, run_after_commit

    run_after_commit(lambda: export_build(export_id=export_id))


@shared_task(acks_late=True)
def sweep_generated_files() -> dict:
    """Beat, hourly: delete generated files past OFFICE_GENERATED_FILES_KEEP_DAYS; queue again
    an export whose worker died mid-render."""
    from office.services.exports import exports_prune, exports_requeue_stale

    return {"pruned": exports_prune(), "requeued": exports_requeue_stale()}


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver(message_id: int) -> bool:
    """Run one outbox message's task; a second copy of the message finds it done or taken."""
    from office.outbox import deliver as outbox_deliver

    return outbox_deliver(message_id=message_id)


@shared_task(acks_late=True)
def sweep_outbox() -> int:
    """Beat, every minute: hand the broker again what it lost or never took (Redis was down)."""
    from office.outbox import sweep

    return sweep()
