"""What the sweep may suggest: events read through the feature apps' public selectors, each
turned into a Candidate. Only what staff may read is named (no 秘密 / 机密 document)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.selectors import issued_for_chronicle
from duty.selectors import grave_incidents_for_chronicle
from meetings.selectors import minuted_for_chronicle
from reception.selectors import important_visits_for_chronicle

from .models import Entry


@dataclass(frozen=True)
class Candidate:
    kind: str
    source_id: int
    date: datetime.date
    title: str
    body: str = ""
    url: str = ""
    importance: str = Entry.Importance.NORMAL


def _day(moment) -> datetime.date:
    return timezone.localdate(moment)


def documents(since) -> list[Candidate]:
    return [
        Candidate(
            kind=Entry.Source.DOCUMENT,
            source_id=doc.pk,
            date=_day(doc.issued_at),
            title=_("Issued %(number)s “%(title)s”") % {"number": doc.number, "title": doc.title},
            url=doc.get_absolute_url(),
        )
        for doc in issued_for_chronicle(since)
    ]


def minutes(since) -> list[Candidate]:
    return [
        Candidate(
            kind=Entry.Source.MINUTES,
            source_id=m.pk,
            date=_day(m.meeting.start),
            title=_("Held “%(title)s”") % {"title": m.meeting.title},
            body=m.summary,
            url=m.meeting.get_absolute_url(),
        )
        for m in minuted_for_chronicle(since)
    ]


def incidents(since) -> list[Candidate]:
    return [
        Candidate(
            kind=Entry.Source.INCIDENT,
            source_id=incident.pk,
            date=_day(incident.occurred_at),
            title=_("%(grade)s incident: %(title)s")
            % {"grade": incident.get_severity_display(), "title": incident.title},
            body=incident.description,
            url=incident.get_absolute_url(),
            importance=Entry.Importance.HIGH,
        )
        for incident in grave_incidents_for_chronicle(since)
    ]


def visits(since) -> list[Candidate]:
    return [
        Candidate(
            kind=Entry.Source.VISIT,
            source_id=visit.pk,
            date=_day(visit.arrived_at),
            title=_("Received %(visitors)s: %(purpose)s")
            % {"visitors": visit.organisation or visit.party, "purpose": visit.purpose},
            url=visit.get_absolute_url(),
        )
        for visit in important_visits_for_chronicle(since)
    ]


PROVIDERS = [documents, minutes, visits, incidents]


def candidates(since) -> list[Candidate]:
    return [c for provider in PROVIDERS for c in provider(since)]
