"""One search for the whole portal: each app registers what it finds, scoped as its own list.

An app declares in its extensions.py

    office.search.register("meetings", _("Meetings"), search.meetings, order=30,
                           list_url="meetings:index", visible=None)

with `provider(user, term, limit) -> (count, results)`: the matches the user's own list
would show for `?q=term` (the same selector, the same rule), counted up to COUNT_UP_TO and
the first `limit` of them (objects with __str__ and get_absolute_url, or `Hit`s). `counted()`
does both for a queryset in two queries. The search page shows each kind with its count and a
link to its list filtered by the term.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

MIN_LENGTH = 2  # two characters (会议, 督办) are a term: the indexes make them cheap
MAX_LENGTH = 100
COUNT_UP_TO = 1000  # a kind's count reads "1000+" past this: no search counts every match
PREVIEW = 5


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it: a title, its link and a line under it."""

    title: str
    url: str
    meta: str = ""

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    provider: Callable
    order: int = 100
    list_url: str = ""  # URL name of the kind's own list, which takes ?q=
    list_params: dict = field(default_factory=dict)
    visible: Callable | None = None


@dataclass
class Section:
    kind: SearchKind
    count: int
    results: list

    @property
    def more(self) -> bool:
        return self.count > COUNT_UP_TO

    @property
    def shown_count(self) -> str:
        return f"{COUNT_UP_TO}+" if self.more else str(self.count)


_kinds: dict[str, SearchKind] = {}


def register(
    kind: str,
    label,
    provider: Callable,
    order: int = 100,
    *,
    list_url: str = "",
    list_params: dict | None = None,
    visible: Callable | None = None,
) -> None:
    _kinds[kind] = SearchKind(kind, label, provider, order, list_url, list_params or {}, visible)


def kinds_for(user) -> list[SearchKind]:
    kinds = sorted(_kinds.values(), key=lambda k: (k.order, k.key))
    return [k for k in kinds if k.visible is None or k.visible(user)]


def counted(queryset, limit: int) -> tuple[int, list]:
    """A bounded count and the first rows: two queries whatever the table's size."""
    count = queryset[: COUNT_UP_TO + 1].count()
    return count, (list(queryset[:limit]) if count else [])


def list_link(kind: SearchKind, term: str) -> str:
    if not kind.list_url:
        return ""
    return f"{reverse(kind.list_url)}?{urlencode({**kind.list_params, 'q': term})}"


def search(user, term: str, *, limit: int = PREVIEW, only: str = "") -> list[Section]:
    """Every kind the user may search, in order, with what it found (empty kinds included)."""
    sections = []
    for kind in kinds_for(user):
        if only and kind.key != only:
            continue
        count, results = kind.provider(user, term, limit)
        sections.append(Section(kind, count, list(results)))
    return sections
