"""Navigation entries, registered by each app; the base template shows the visible ones."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    key: str  # the app label: marks the entry active on that app's pages
    label: object  # lazily translated
    url_name: str  # "documents:index"
    icon: str = ""  # a Bootstrap Icons-free glyph or short text badge
    order: int = 100
    visible: Callable[[object], bool] = lambda user: True


_entries: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    _entries[entry.key] = entry


def entries_for(user) -> list[dict]:
    return [
        {"key": e.key, "label": e.label, "url": reverse(e.url_name), "icon": e.icon}
        for e in sorted(_entries.values(), key=lambda e: e.order)
        if e.visible(user)
    ]
