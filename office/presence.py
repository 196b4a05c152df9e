"""Who is in the building now, for an evacuation roll call: apps register providers here
from their extensions.py, and the roll call (reception) asks all of them, so reception need
not know duty, nor duty reception.

    presence.register("duty.on_duty", _("Staff on duty"), people_on_duty, order=20)

A provider is `at -> list[Present]`: the people it knows to be inside at that moment, each
with a key stable across calls: "user:<pk>" for a member of staff (whichever app knows them
there, so nobody is listed twice), "<app>.<what>:<pk>" for others ("reception.visitor:12").
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.timezone import now


@dataclass(frozen=True)
class Present:
    key: str  # "user:7", "reception.visitor:12": one person, one key
    name: str
    role: str  # what they are here as: 访客, 值班长 ...
    detail: str = ""  # host and organisation, post and shift ...
    badge: str = ""


@dataclass(frozen=True)
class PresenceProvider:
    key: str
    label: str  # the section heading: 访客, 值班人员
    people: Callable[[datetime], list[Present]]
    order: int = 100


@dataclass
class Section:
    provider: PresenceProvider
    people: list[Present] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.provider.label)


_providers: dict[str, PresenceProvider] = {}


def register(
    key: str, label, people: Callable[[datetime], list[Present]], order: int = 100
) -> None:
    """Add (or replace) the provider `key`; registering again is harmless."""
    _providers[key] = PresenceProvider(key=key, label=label, people=people, order=order)


def providers() -> list[PresenceProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def who_is_here(at: datetime | None = None) -> list[Section]:
    """Every provider's people at `at` (now), in the providers' order; a person two providers
    know (the same key) is listed by the first."""
    at = at or now()
    seen: set[str] = set()
    sections = []
    for provider in providers():
        section = Section(provider=provider)
        for person in provider.people(at):
            if person.key not in seen:
                seen.add(person.key)
                section.people.append(person)
        sections.append(section)
    return sections
