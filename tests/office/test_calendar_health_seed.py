from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from icalendar import Calendar

from office import calendar
from office.models import Department, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_source():
    start = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

    def events(user):
        yield calendar.CalendarEvent(
            uid=f"test-{user.pk}@office",
            start=start,
            end=start + timedelta(hours=1),
            summary=f"{user.name}的周例会",
            location="第一会议室",
        )

    calendar.register("tests", events)
    yield
    calendar._sources.pop("tests")


def test_feed_by_secret_token_without_login(meeting_source, clerk, client):
    response = client.get(f"/calendar/{clerk.calendar_token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "clerk的周例会"
    assert event.decoded("dtstart").utcoffset() == timedelta(hours=8)
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_regenerating_the_token_kills_the_old_url(meeting_source, clerk, client_for, client):
    old = clerk.calendar_token
    assert client_for(clerk).get("/profile/calendar-token/").status_code == 405
    client_for(clerk).post("/profile/calendar-token/")
    clerk.refresh_from_db()
    assert clerk.calendar_token != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{clerk.calendar_token}.ics").status_code == 200


def test_inactive_users_feed_is_gone(clerk, client):
    clerk.is_active = False
    clerk.save()
    assert client.get(f"/calendar/{clerk.calendar_token}.ics").status_code == 404


def test_healthz_reports_database_and_broker(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == {"vendor": "postgresql", "ok": True}
    assert body["broker"] == {"ok": True} and body["version"] == settings.VERSION


def test_healthz_degraded_when_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


def test_seed_demo_twice_changes_nothing(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    counts = (User.objects.count(), Department.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (User.objects.count(), Department.objects.count()) == counts
    director = User.objects.get(username="director")
    assert director.check_password("demo12345") and director.has_role("director")
    for username, role in [
        ("clerk", "clerk"),
        ("leader", "shift_leader"),
        ("officer", "duty_officer"),
        ("reception", "receptionist"),
        ("supervisor", "supervisor"),
    ]:
        assert User.objects.get(username=username).has_role(role)
    assert not User.objects.get(username="staff").groups.exists()
    # The drill is seeded last (seed_last): its list holds the staff on duty, not only visitors.
    from reception.models import RollCall

    sections = set(RollCall.objects.get().entries.values_list("section", flat=True))
    assert len(sections) >= 2, sections  # visitors and the staff on duty
