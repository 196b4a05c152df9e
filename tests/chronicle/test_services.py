import datetime
import threading

import pytest
import time_machine
from django.db import connection

from chronicle import selectors, services
from chronicle.models import Entry
from office.errors import DomainError, NotAllowed
from office.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_sweep_suggests_each_kind_of_event_once(issued, minuted, incident):
    doc = issued()
    minuted(title="县政府第十次常务会议")
    incident(severity="critical", title="暴雨致城区内涝")
    assert services.suggestions_sweep() == 3
    assert services.suggestions_sweep() == 0  # the second run finds nothing new
    titles = sorted(Entry.objects.values_list("title", flat=True))
    assert any(doc.title in t and "示办发〔2026〕7号" in t for t in titles)
    assert any("县政府第十次常务会议" in t for t in titles)
    assert any("特别重大" in t and "暴雨致城区内涝" in t for t in titles)
    assert set(Entry.objects.values_list("status", flat=True)) == {"suggested"}
    assert AuditEvent.objects.filter(verb="chronicle.suggested").count() == 3


def test_a_discarded_suggestion_is_not_suggested_again(issued, clerk):
    issued()
    services.suggestions_sweep()
    entry = Entry.objects.get()
    services.suggestion_discard(entry_id=entry.pk, by=clerk)
    assert services.suggestions_sweep() == 0
    assert Entry.objects.get().status == "discarded"


def test_a_secret_document_and_a_minor_incident_are_never_suggested(issued, incident):
    issued(level="secret", title="绝密名单")
    issued(level="confidential", title="机密事项")
    incident(severity="major")
    incident(severity="general")
    assert services.suggestions_sweep() == 0
    assert not Entry.objects.filter(title__contains="名单").exists()


def test_old_events_are_left_alone(issued):
    issued(at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert services.suggestions_sweep() == 0


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_suggest_an_event_once(issued):
    issued()
    errors = []

    def run():
        try:
            services.suggestions_sweep()
        except Exception as exc:  # pragma: no cover - the test fails on it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Entry.objects.count() == 1


def test_the_clerk_edits_and_accepts_a_suggestion(issued, clerk):
    issued()
    services.suggestions_sweep()
    entry = Entry.objects.get()
    services.suggestion_accept(entry_id=entry.pk, by=clerk, title="县政府印发冬季安全通知")
    entry.refresh_from_db()
    assert (entry.status, entry.title, entry.decided_by, entry.edited_by) == (
        "accepted",
        "县政府印发冬季安全通知",
        clerk,
        clerk,
    )
    event = AuditEvent.objects.get(verb="chronicle.suggestion_accepted")
    assert event.data["fields"] == ["title"]


@pytest.mark.parametrize(
    "first, then, message",
    [
        ("accept", "accept", "already been accepted"),
        ("accept", "discard", "already been accepted"),
        ("discard", "accept", "already been discarded"),
        ("discard", "discard", "already been discarded"),
    ],
)
def test_a_decided_suggestion_says_so(issued, clerk, director, first, then, message):
    issued()
    services.suggestions_sweep()
    entry = Entry.objects.get()
    step = {"accept": services.suggestion_accept, "discard": services.suggestion_discard}
    step[first](entry_id=entry.pk, by=clerk)
    with translation_en(), pytest.raises(DomainError, match=message):
        step[then](entry_id=entry.pk, by=director)


def translation_en():
    from django.utils import translation

    return translation.override("en")


def test_only_the_office_writes_or_decides(issued, staff, leader):
    issued()
    services.suggestions_sweep()
    entry = Entry.objects.get()
    for who in (staff, leader):
        with pytest.raises(NotAllowed):
            services.suggestion_accept(entry_id=entry.pk, by=who)
        with pytest.raises(NotAllowed):
            services.suggestion_discard(entry_id=entry.pk, by=who)
        with pytest.raises(NotAllowed):
            services.entry_create(by=who, date=datetime.date(2026, 3, 1), title="x")
    assert Entry.objects.get().status == "suggested"


def test_an_entry_by_hand_is_accepted_and_audited(director):
    entry = services.entry_create(by=director, date=datetime.date(2026, 5, 4), title=" 五四表彰 ")
    assert (entry.status, entry.source_kind, entry.title) == ("accepted", "hand", "五四表彰")
    assert AuditEvent.objects.filter(verb="chronicle.entry_written", actor=director).exists()
    with pytest.raises(DomainError):
        services.entry_create(by=director, date=datetime.date(2026, 5, 4), title="  ")


def test_an_accepted_entry_can_be_corrected_but_not_a_suggestion(issued, clerk):
    issued()
    services.suggestions_sweep()
    entry = Entry.objects.get()
    with pytest.raises(DomainError):
        services.entry_update(entry_id=entry.pk, by=clerk, title="改")
    services.suggestion_accept(entry_id=entry.pk, by=clerk)
    services.entry_update(entry_id=entry.pk, by=clerk, date=datetime.date(2026, 2, 3))
    assert Entry.objects.get().date == datetime.date(2026, 2, 3)
    assert AuditEvent.objects.filter(verb="chronicle.entry_edited").exists()


@time_machine.travel(
    datetime.datetime(2026, 12, 31, 23, 50, tzinfo=datetime.timezone(datetime.timedelta(hours=8))),
    tick=False,
)
def test_at_the_year_end_the_event_goes_under_december_of_its_local_year(issued, clerk):
    issued()  # 31 Dec 23:50 in Beijing is 15:50 UTC: still 2026 and December
    services.suggestions_sweep()
    entry = Entry.objects.get()
    assert entry.date == datetime.date(2026, 12, 31)
    services.suggestion_accept(entry_id=entry.pk, by=clerk)
    months = selectors.year_months(2026)
    assert [m for m, _ in months] == [datetime.date(2026, 12, 1)]
    assert selectors.year_months(2027) == []


def test_the_year_lists_accepted_entries_by_month_in_order(clerk, issued):
    for day, title in [
        (datetime.date(2026, 7, 9), "七月"),
        (datetime.date(2026, 2, 1), "二月"),
        (datetime.date(2026, 7, 1), "七月初"),
        (datetime.date(2025, 7, 1), "去年"),
    ]:
        services.entry_create(by=clerk, date=day, title=title)
    issued()
    services.suggestions_sweep()  # a suggestion waiting: not in the chronicle
    months = selectors.year_months(2026)
    assert [(m.month, [e.title for e in rows]) for m, rows in months] == [
        (2, ["二月"]),
        (7, ["七月初", "七月"]),
    ]


def test_an_important_visit_is_suggested_once_it_took_place(visit):
    visit(important=False)
    visit(status="expected")  # not yet come
    came = visit()
    assert services.suggestions_sweep() == 1
    entry = Entry.objects.get()
    assert (entry.source_kind, entry.source_id) == ("visit", came.pk)
    assert "省政府督查组" in entry.title and "督查重点项目" in entry.title
