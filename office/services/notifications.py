"""notify(): the one way any app tells people something."""

from collections.abc import Iterable

from django.conf import settings

from office.i18n import encode_text, needs_rendering, render_text, user_language
from office.models import Notification


def notify(
    *,
    recipients: Iterable,
    title,
    body="",
    url: str = "",
    kind: str = "",
    actor=None,
    email: bool = True,
    webhook: bool = False,
    reminder=None,
) -> list[Notification]:
    """Put a message in each recipient's inbox; e-mail and webhook copies go after commit.

    Duplicate and inactive recipients are skipped; the actor is not told of their own act.
    `title` and `body` are written in each recipient's language when shown or sent: pass a
    lazy string or an `office.i18n.Message` (msgid and parameters), or a list of them for
    the body. A plain string is kept as it is (the old way; every caller converts).
    """
    people = {}
    for person in recipients:
        if person is None or not person.is_active:
            continue
        if actor is not None and person.pk == getattr(actor, "pk", None) and reminder is None:
            continue
        people[person.pk] = person
    message = {}
    if needs_rendering(title) or needs_rendering(body):
        message = {"title": encode_text(title), "body": encode_text(body)}
        # The stored columns hold the portal-language text (admin, search, older readers).
        title = render_text(message["title"], settings.LANGUAGE_CODE)
        body = render_text(message["body"], settings.LANGUAGE_CODE)
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
                message=message,
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
        # One post to the group, in the recipients' language if they share one.
        languages = {user_language(n.recipient) for n in notifications}
        language = languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE
        enqueue("office.tasks.send_webhook", webhook_text(notifications[0], language))
    return notifications


def webhook_text(notification: Notification, language: str) -> str:
    title, body = notification.text(language)
    text = f"{title}\n{body}".strip()
    if notification.url:
        text += f"\n{absolute_url(notification.url)}"
    return text


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
