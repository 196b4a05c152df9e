"""Every write of the chronicle: entries by hand, the sweep's suggestions, their decision."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from . import permissions as perms
from . import sources
from .models import Entry

FIELDS = ("date", "title", "body", "importance")


def _validate(values: dict) -> None:
    if not (values.get("title") or "").strip():
        raise DomainError(_("Give the entry a title."))
    if not isinstance(values.get("date"), datetime.date):
        raise DomainError(_("Give the entry a date."))


@transaction.atomic
def entry_create(*, by, date, title: str, body: str = "", importance: str = "") -> Entry:
    """An entry written by hand by the office: accepted as it is."""
    require_actor(perms.may_manage(by))
    values = {"date": date, "title": title.strip(), "body": body.strip()}
    _validate(values)
    entry = Entry.objects.create(
        **values,
        importance=importance or Entry.Importance.NORMAL,
        status=Entry.Status.ACCEPTED,
        source_kind=Entry.Source.HAND,
        created_by=by,
        decided_by=by,
        decided_at=timezone.now(),
    )
    audit(actor=by, verb="chronicle.entry_written", target=entry)
    return entry


def _apply(entry: Entry, values: dict, by) -> list[str]:
    changed = []
    for name in FIELDS:
        if name in values and values[name] is not None:
            value = values[name].strip() if isinstance(values[name], str) else values[name]
            if getattr(entry, name) != value:
                setattr(entry, name, value)
                changed.append(name)
    if changed:
        entry.edited_by = by
    return changed


def _decided_message(entry: Entry) -> str:
    if entry.status == Entry.Status.ACCEPTED:
        return _("This suggestion has already been accepted.")
    return _("This suggestion has already been discarded.")


@transaction.atomic
def entry_update(*, entry_id: int, by, **values) -> Entry:
    """Correct an accepted entry (a discarded suggestion stays as it was)."""
    require_actor(perms.may_manage(by))
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    if entry.status == Entry.Status.DISCARDED:
        raise DomainError(_decided_message(entry))
    if entry.status == Entry.Status.SUGGESTED:
        raise DomainError(_("Accept or discard the suggestion first."))
    changed = _apply(entry, values, by)
    _validate({"date": entry.date, "title": entry.title})
    if changed:
        entry.save()
        audit(actor=by, verb="chronicle.entry_edited", target=entry, data={"fields": changed})
    return entry


@transaction.atomic
def suggestion_accept(*, entry_id: int, by, **values) -> Entry:
    """Accept a suggestion, with the office's edits if any."""
    require_actor(perms.may_manage(by))
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    if entry.status != Entry.Status.SUGGESTED:
        raise DomainError(_decided_message(entry))
    changed = _apply(entry, values, by)
    _validate({"date": entry.date, "title": entry.title})
    entry.require_transition(Entry.Status.ACCEPTED, _decided_message(entry))
    entry.status, entry.decided_by, entry.decided_at = Entry.Status.ACCEPTED, by, timezone.now()
    entry.save()
    audit(actor=by, verb="chronicle.suggestion_accepted", target=entry, data={"fields": changed})
    return entry


@transaction.atomic
def suggestion_discard(*, entry_id: int, by, reason: str = "") -> Entry:
    """Discard a suggestion; it is kept so the sweep does not suggest the event again."""
    require_actor(perms.may_manage(by))
    entry = Entry.objects.select_for_update().get(pk=entry_id)
    if entry.status != Entry.Status.SUGGESTED:
        raise DomainError(_decided_message(entry))
    entry.status, entry.decided_by, entry.decided_at = Entry.Status.DISCARDED, by, timezone.now()
    entry.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    audit(
        actor=by,
        verb="chronicle.suggestion_discarded",
        target=entry,
        data={"reason": reason} if reason else {},
    )
    return entry


def suggestions_sweep(*, days: int | None = None) -> int:
    """The periodic sweep (the system, no actor): suggest each recent event once. Safe to run
    twice or concurrently: an event already suggested (or decided) is skipped, and the unique
    constraint settles a race. Returns how many suggestions were made."""
    days = days or getattr(settings, "CHRONICLE_LOOKBACK_DAYS", 30)
    since = timezone.now() - datetime.timedelta(days=days)
    made = 0
    # Titles in the office's language, whoever's worker runs the sweep.
    with translation.override(settings.LANGUAGE_CODE):
        found = sources.candidates(since)
    known = set(
        Entry.objects.filter(source_id__in={c.source_id for c in found}).values_list(
            "source_kind", "source_id"
        )
    )
    for candidate in found:
        if (candidate.kind, candidate.source_id) not in known:
            made += _suggest(candidate)
    return made


def _suggest(candidate: "sources.Candidate") -> int:
    with transaction.atomic():
        entry, created = Entry.objects.get_or_create(
            source_kind=candidate.kind,
            source_id=candidate.source_id,
            defaults={
                "date": candidate.date,
                "title": candidate.title[:200],
                "body": candidate.body,
                "source_url": candidate.url[:300],
                "importance": candidate.importance,
            },
        )
        if created:
            audit(actor=None, verb="chronicle.suggested", target=entry)
    return int(created)
