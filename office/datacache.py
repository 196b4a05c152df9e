"""What a page computed from the database, kept until the database changes.

Every table of the portal bumps one sequence, `office_data_version`, on each INSERT, UPDATE,
DELETE or TRUNCATE statement: a statement-level trigger, installed on every table after each
`migrate` (and a test database's flush) by `install_triggers`. A value cached by `cached()`
is keyed by that number, so any write (a service, a bulk update, a data migration, a test's
ORM call, another gunicorn worker) makes every cached value old at once, with no
invalidation code in the services.

The key also carries the minute: what depends on the clock (who is on duty now, a deadline
turning red at midnight) is at most a minute late. A sequence is not transactional: a page
computed while a writer's transaction is still open may be kept under the new number until
the next write or the next minute. That is the whole of the staleness.

    html = datacache.cached(("home.inbox", user.pk, language), lambda: render_to_string(...))

Values are kept in the "pages" cache: memory of each worker process (no Redis: a page must
not fail or wait when Redis is gone).
"""

import hashlib
from collections.abc import Callable

from django.core.cache import caches
from django.db import connection
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

SEQUENCE = "office_data_version"
TRIGGER = "office_data_version"
# Written while nothing a page shows changes: sessions, login attempts, migrations.
UNVERSIONED_PREFIXES = ("django_session", "django_migrations", "axes_")


def data_version() -> int | None:
    """The database's write counter now (one cheap query); None before the first write or
    without the sequence (never an error: a page is then computed uncached)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sequence_last_value(to_regclass(%s))", [SEQUENCE])
        return cursor.fetchone()[0]


def cached(key_parts: tuple, compute: Callable[[], object], *, timeout: int = 60):
    """compute(), or what it gave for the same key since the last write in this minute."""
    version = data_version()
    if version is None:
        return compute()
    minute = timezone.now().strftime("%Y%m%d%H%M")
    database = connection.settings_dict["NAME"]
    # Hashed: a long query string would make a key too long for the cache.
    wanted = "\x1f".join(str(part) for part in key_parts).encode()
    key = f"{database}:{version}:{minute}:{hashlib.sha256(wanted).hexdigest()}"
    store = caches["pages"]
    found = store.get(key)
    if found is None:
        found = compute()
        store.set(key, found, timeout)
    return found


def rendered(
    request, key: str, template: str, context: Callable[[], dict], *, with_csrf: bool = False
) -> str:
    """The template rendered for this user in this language, kept as cached() keeps values
    (pass everything else the output depends on in `key`: the query string, the day...).

    Output with a form (with_csrf=True) is kept per browser: its CSRF token is only good with
    the browser's own CSRF secret, which joins the key (a new browser gets its cookie as
    usual). Never for output with messages: those belong to one request. The HTML goes into
    a page as it is: it is a template's own, escaped, output."""
    parts = [key, request.user.pk, get_language()]
    if with_csrf:  # the whole key is hashed: the secret is never kept as it is
        get_token(request)  # sets the browser's secret (and its cookie) if it has none
        parts.append(request.META.get("CSRF_COOKIE", ""))
    html = cached(tuple(parts), lambda: render_to_string(template, context(), request=request))
    return mark_safe(html)  # noqa: S308 - a template's own output, escaped as it rendered


def install_triggers(using: str = "default", **kwargs) -> None:
    """The sequence, its trigger function, and the trigger on each table that lacks it
    (post_migrate: tables added by later migrations get theirs on the next migrate)."""
    from django.db import connections

    target = connections[using]
    if target.vendor != "postgresql":
        return
    with target.cursor() as cursor:
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE}")
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN PERFORM nextval('{SEQUENCE}'); RETURN NULL; END $$"
        )
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s",
            [TRIGGER],
        )
        done = {row[0] for row in cursor.fetchall()}
        for table in target.introspection.table_names(cursor):
            if table in done or table.startswith(UNVERSIONED_PREFIXES):
                continue
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()'
            )
