"""notify(): the one way any app tells people something."""

from collections.abc import Iterable

from django.conf import settings

from office.models import Notification


def notify(
    *,
    recipients: Iterable,
    title: str,
    body: str = "",
    url: str = "",
    kind: str = "",
    actor=None,
    email: bool = True,
    webhook: bool = False,
    reminder=None,
) -> list[Notification]:
    """Put a message in each recipient's inbox; e-mail and webhook copies go after commit.

    Duplicate and inactive recipients are skipped; the actor is not told of their own act.
    """
    people = {}
    for person in recipients:
        if person is None or not person.is_active:
            continue
        if actor is not None and person.pk == getattr(actor, "pk", None) and reminder is None:
            continue
        people[person.pk] = person
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                actor=actor,
                kind=kind,
                title=str(title)[:200],
                body=str(body),
                url=str(url)[:500],
                reminder=reminder,
            )
            for person in people.values()
        ]
    )
    from office.outbox import enqueue

    if email:
        for notification in notifications:
            if notification.recipient.email:
                enqueue("office.tasks.send_notification_email", notification.pk)
    if webhook and settings.NOTIFY_WEBHOOK_URL and notifications:
        text = f"{title}\n{body}".strip()
        if url:
            text += f"\n{absolute_url(url)}"
        enqueue("office.tasks.send_webhook", text)
    return notifications


def absolute_url(url: str) -> str:
    return url if url.startswith("http") else f"{settings.SITE_URL}{url}"


def webhook_payload(text: str, kind: str) -> dict:
    """The group-robot JSON of WeCom (企业微信) or DingTalk (钉钉): both take a text message."""
    if kind not in ("wecom", "dingtalk"):
        raise ValueError(f"unknown webhook kind {kind!r}")
    return {"msgtype": "text", "text": {"content": text}}


def notification_mark_read(*, user, notification_ids=None) -> int:
    """Mark some (or all) of the user's unread notifications read; returns how many."""
    from django.utils.timezone import now

    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=now())
