"""The portal as the fuzzing sees it: realistic base data, one logged-in client per role, and
every view found by walking the pages from the URL resolver's list pages."""

import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from office.models import User

from . import records
from .pages import Form, query_names, read_page

# The demo accounts, one per role, and staff with none.
USERS = [
    "director",
    "clerk",
    "leader",
    "officer",
    "reception",
    "supervisor",
    "staff",
    "dispatcher",
    "keeper",
    "storekeeper",
    "petitions",
]

# Django's own admin is not the portal's to harden.
IGNORED_NAMESPACES = ("admin",)

# Fetched only as links: files (slow to render, no forms) and what would end the session.
NOT_FETCHED = ("pdf", "xlsx", "export", "attachment", "material", "download", "badge")
NOT_FETCHED_NAMES = {"calendar_feed", "generated_file", "logout", "set_language"}

# Pages of one view a user opens by following links, besides one record of each state.
PAGES_PER_VIEW = 3


def view_names() -> dict[str, URLPattern]:
    """Every named view of the portal, 'namespace:name' -> pattern."""
    found = {}

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(p for p in (namespace, entry.namespace) if p)
                if entry.namespace not in IGNORED_NAMESPACES:
                    walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                found[f"{namespace}:{entry.name}" if namespace else entry.name] = entry

    walk(get_resolver().url_patterns, "")
    return found


def app_of(view_name: str) -> str:
    return view_name.split(":")[0] if ":" in view_name else "office"


def fetched(view_name: str) -> bool:
    name = view_name.split(":")[-1]
    return name not in NOT_FETCHED_NAMES and not any(word in name for word in NOT_FETCHED)


def view_of(path: str) -> tuple[str, dict] | None:
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    if match.namespace in IGNORED_NAMESPACES or not match.url_name:
        return None
    return match.view_name, match.kwargs


def build_base_data() -> list[str]:
    """The demo week (every state of every record, made through the services), plus records in
    the states it lacks and of someone outside every role, so other people's ids are at hand.
    Returns the pages of the records made here."""
    from tests.documents.factories import IncomingFactory, NoticeFactory, OutgoingFactory
    from tests.factories import DepartmentFactory, UserFactory
    from tests.meetings.factories import MeetingFactory, at
    from tests.reception.factories import visit_with
    from tests.supervision.factories import TaskFactory

    call_command("seed_demo", stdout=io.StringIO())
    outsider = UserFactory(username="fuzz_outsider", department=DepartmentFactory(code="fuzz"))
    director, clerk, staff = (User.objects.get(username=n) for n in ("director", "clerk", "staff"))
    made = [
        IncomingFactory(registered_by=director, security_level="confidential", access=[director]),
        OutgoingFactory(drafted_by=clerk, security_level="confidential", access=[clerk, director]),
        NoticeFactory(created_by=clerk, status="withdrawn"),
        TaskFactory(owner=outsider, assigned_by=outsider),
        TaskFactory(owner=staff, assigned_by=clerk),  # awaiting the owner's acceptance
        TaskFactory(owner=staff, assigned_by=clerk, status="in_progress"),
        visit_with(host=outsider, visitors=2),
        MeetingFactory(organiser=outsider, chair=outsider, recorder=outsider),
        # yesterday, not yet marked held
        MeetingFactory(
            organiser=clerk, chair=director, recorder=clerk, start=at(-1, 9), end=at(-1, 10)
        ),
    ]
    # An evacuation roll call under way (the demo's drill is closed): its marks and closing.
    from reception.services import roll_call_start

    made.append(roll_call_start(by=User.objects.get(username="reception")))
    made += records.all_records()
    return [record.get_absolute_url() for record in made]


def record_ids() -> list[int]:
    from django.apps import apps
    from django.db import models

    ids = set()
    for model in apps.get_models():
        if isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
            ids.update(model.objects.order_by("-pk").values_list("pk", flat=True)[:3])
    return sorted(ids)


def clients() -> dict[str, Client]:
    made = {}
    for username in USERS:
        client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans", raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        made[username] = client
    made["anonymous"] = Client(HTTP_ACCEPT_LANGUAGE="zh-hans", raise_request_exception=False)
    return made


@dataclass
class Site:
    clients: dict[str, Client]
    names: dict[str, URLPattern]
    # view name -> [(user, form)] of every distinct form that submits to it
    forms: dict[str, list[tuple[str, Form]]] = field(default_factory=lambda: defaultdict(list))
    # view name -> {user: [paths fetched with 200]}
    pages: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    links: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    params: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    ids: list[int] = field(default_factory=list)  # primary keys of records of every kind
    records: list[str] = field(default_factory=list)  # a record page per model and state

    def reached(self) -> set[str]:
        return set(self.forms) | set(self.pages) | set(self.links)

    def may_use(self, view_name: str) -> list[str]:
        return sorted({user for user, _form in self.forms.get(view_name, [])})

    def may_not_use(self, view_name: str) -> str | None:
        allowed = set(self.may_use(view_name)) | set(self.pages.get(view_name, {}))
        return next((user for user in reversed(USERS) if user not in allowed), None)


def crawl(site: Site, user: str) -> None:
    client = site.clients[user]
    counts: dict[str, int] = defaultdict(int)
    seen_forms: set[tuple] = set()
    seen: set[str] = set()
    records = set(site.records) if user != "anonymous" else set()
    queue = [*records, *_start_paths(site)]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        found = view_of(path)
        if found is None:
            continue
        name, _kwargs = found
        site.links[name].add(path)
        if not fetched(name) or (path not in records and counts[name] >= PAGES_PER_VIEW):
            continue
        counts[name] += 1
        response = client.get(path)
        site.requests += 1
        if response.status_code >= 500:
            site.errors.append(f"GET {path} as {user}: {response.status_code}")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        site.pages[name][user].append(path)
        forms, links = read_page(path, response.content.decode())
        for form in forms:
            target = view_of(form.action)
            if target is None:
                continue
            target_name = target[0]
            if form.method == "get":
                site.params[target_name].update(form.fields)
            elif form.signature() not in seen_forms:
                seen_forms.add(form.signature())
                site.forms[target_name].append((user, form))
        for link in links:
            target = view_of(link)
            if target is not None:
                site.params[target[0]].update(query_names(link))
                site.links[target[0]].add(link)
                if link not in seen:
                    queue.append(link)


def _start_paths(site: Site) -> list[str]:
    from django.urls import reverse

    paths = []
    for name, pattern in site.names.items():
        if not pattern.pattern.converters:
            try:
                paths.append(reverse(name))
            except Exception:  # noqa: BLE001 - a pattern with extra arguments is reached by links
                continue
    return paths


def _record_paths() -> list[str]:
    """One record page per model and state, so every state's forms are met."""
    from django.apps import apps

    paths = []
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url") or model._meta.app_label in ("auth", "admin"):
            continue
        fields = {f.name for f in model._meta.get_fields()}
        if "status" in fields:
            states = model.objects.values_list("status", flat=True).distinct()
            records = [model.objects.filter(status=state).last() for state in states]
        else:
            records = list(model.objects.order_by("-pk")[:2])
        for record in records:
            try:
                paths.append(record.get_absolute_url())
            except Exception:  # noqa: BLE001 - a URL that needs a related record not there
                continue
    return paths


def explore(made: list[str]) -> Site:
    records = [*made, *_record_paths()]
    site = Site(clients=clients(), names=view_names(), ids=record_ids(), records=records)
    for user in [*USERS, "anonymous"]:
        crawl(site, user)
    return site
