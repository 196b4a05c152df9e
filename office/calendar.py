"""Per-user calendar feeds: apps register event sources; /calendar/<token>.ics serves them."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable, e.g. "meeting-12@office"
    start: datetime
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    sequence: int = 0  # bump on change so clients update
    cancelled: bool = False


_sources: dict[str, Callable[[object], Iterable[CalendarEvent]]] = {}


def register(key: str, events_for: Callable[[object], Iterable[CalendarEvent]]) -> None:
    """events_for(user) yields the user's events (a bounded window, e.g. -30..+180 days)."""
    _sources[key] = events_for


def build_calendar(events: Iterable[CalendarEvent], *, name: str, method: str = "") -> bytes:
    """An .ics of `events`; a relative `url` is made absolute with SITE_URL."""
    from office.services.notifications import absolute_url

    calendar = Calendar()
    calendar.add("prodid", "-//Office Portal//CN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if method:
        calendar.add("method", method)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", item.start)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        event.add("sequence", item.sequence)
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:  # a calendar client has no page to resolve a path against
            event.add("url", absolute_url(item.url))
        if item.cancelled:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()


def feed_for(user) -> bytes:
    events = [event for source in _sources.values() for event in source(user)]
    return build_calendar(events, name=f"{settings.ORGANISATION_NAME} · {user.display_name}")
