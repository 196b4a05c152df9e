"""Notices (通知公告): draft, publish to all or departments, pin, withdraw, read tracking."""

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.models import Notice, NoticeRead
from office.errors import DomainError, require_actor
from office.i18n import Message
from office.models import User
from office.services import audit, notify

S = Notice.Status
NOTICE_FIELDS = ("title", "body", "to_all", "pinned", "expires_on")


def _check_audience(to_all: bool, departments) -> None:
    if not to_all and not list(departments):
        raise DomainError(_("Choose the departments, or publish it to everyone."))


@transaction.atomic
def notice_create(*, by, data: dict, departments=()) -> Notice:
    require_actor(can.can_manage_notices(by))
    _check_audience(data.get("to_all", True), departments)
    notice = Notice.objects.create(
        created_by=by, **{f: data[f] for f in NOTICE_FIELDS if f in data}
    )
    notice.departments.set(departments)
    audit(actor=by, verb="documents.notice_drafted", target=notice)
    return notice


@transaction.atomic
def notice_update(*, notice_id: int, by, data: dict, departments=()) -> Notice:
    require_actor(can.can_manage_notices(by))
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    if notice.status != S.DRAFT:
        raise DomainError(_("Only a draft notice can be edited."))
    _check_audience(data.get("to_all", notice.to_all), departments)
    for field in NOTICE_FIELDS:
        if field in data:
            setattr(notice, field, data[field])
    notice.save()
    notice.departments.set(departments)
    audit(actor=by, verb="documents.notice_edited", target=notice)
    return notice


def audience_of(notice: Notice):
    people = User.objects.filter(is_active=True)
    if notice.to_all:
        return people
    return people.filter(department__in=notice.departments.all())


@transaction.atomic
def notice_publish(*, notice_id: int, by) -> Notice:
    """Publish to its audience; each member gets it in the inbox (待阅 until opened)."""
    require_actor(can.can_manage_notices(by))
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    notice.require_transition(S.PUBLISHED, _("Only a draft notice can be published."))
    if notice.is_expired:
        raise DomainError(_("The expiry date has passed; change it before publishing."))
    notice.status, notice.published_by, notice.published_at = S.PUBLISHED, by, now()
    notice.save(update_fields=["status", "published_by", "published_at"])
    audit(actor=by, verb="documents.notice_published", target=notice)
    notify(
        recipients=audience_of(notice),
        actor=by,
        kind="documents.notice",
        title=Message(gettext_noop("Notice: %(title)s"), title=notice.title),
        url=notice.get_absolute_url(),
        email=False,
    )
    return notice


@transaction.atomic
def notice_withdraw(*, notice_id: int, by) -> Notice:
    require_actor(can.can_manage_notices(by))
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    notice.require_transition(S.WITHDRAWN, _("Only a published notice can be withdrawn."))
    notice.status = S.WITHDRAWN
    notice.save(update_fields=["status"])
    audit(actor=by, verb="documents.notice_withdrawn", target=notice)
    return notice


@transaction.atomic
def notice_redraft(*, notice_id: int, by) -> Notice:
    require_actor(can.can_manage_notices(by))
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    notice.require_transition(S.DRAFT, _("Only a withdrawn notice can be drafted again."))
    notice.status = S.DRAFT
    notice.save(update_fields=["status"])
    audit(actor=by, verb="documents.notice_redrafted", target=notice)
    return notice


@transaction.atomic
def notice_pin(*, notice_id: int, by, pinned: bool) -> Notice:
    require_actor(can.can_manage_notices(by))
    notice = Notice.objects.select_for_update().get(pk=notice_id)
    notice.pinned = pinned
    notice.save(update_fields=["pinned"])
    audit(
        actor=by,
        verb="documents.notice_pinned" if pinned else "documents.notice_unpinned",
        target=notice,
    )
    return notice


def notice_mark_read(*, notice: Notice, user) -> bool:
    """Record that the user opened the notice; True the first time."""
    if notice.status != S.PUBLISHED:
        return False
    _read, created = NoticeRead.objects.get_or_create(notice=notice, user=user)
    return created
