"""One fuzzed request, judged: never a 500, and a rejected request leaves every table as it was.

Each request runs inside a savepoint that is rolled back afterwards, so an accepted request
does not change what the next example meets."""

import traceback
from urllib.parse import quote_plus

from django.apps import apps
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

# Written by any request on purpose: the session, django-axes' attempt log.
UNGUARDED_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog"}
# A failed log-in is counted and audited: that is the point of the lock-out.
WRITES_WHEN_REJECTED = {"login": {"office_auditevent", "axes_accessfailurelog"}}


def _tables() -> list[str]:
    names = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return sorted(names - UNGUARDED_TABLES)


_SNAPSHOT_SQL = None


def snapshot() -> dict[str, tuple[int, int]]:
    """table -> (row count, order-independent checksum of the rows)."""
    global _SNAPSHOT_SQL
    if _SNAPSHOT_SQL is None:
        _SNAPSHOT_SQL = " UNION ALL ".join(
            f"SELECT '{t}', count(*), coalesce(sum(hashtext(x::text)::bigint), 0) FROM \"{t}\" x"
            for t in _tables()
        )
    with connection.cursor() as cursor:
        cursor.execute(_SNAPSHOT_SQL)
        return {table: (count, checksum) for table, count, checksum in cursor.fetchall()}


def changed(before: dict, after: dict) -> list[str]:
    return [
        f"{table} ({before[table][0]} -> {after[table][0]} rows)"
        for table in before
        if before[table] != after.get(table)
    ]


def urlencoded(pairs) -> str:
    def quote(value) -> str:
        return quote_plus(value if isinstance(value, bytes) else str(value).encode())

    return "&".join(f"{quote(name)}={quote(value)}" for name, value in pairs)


def multipart(pairs) -> dict:
    """The test client's multipart encoder takes text only: raw bytes go as Latin-1 text."""
    data: dict[str, list] = {}
    for name, value in pairs:
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        data.setdefault(name, []).append(value)
    return data


def rejection(response) -> str | None:
    """Why the portal said no, or None if it did what was asked."""
    if 400 <= response.status_code < 500:
        return str(response.status_code)
    request = response.wsgi_request
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    if any(message.level >= messages.ERROR for message in queued):
        return "error message"
    if request.method == "POST" and response.status_code == 200:
        return "form shown again"
    return None


class Failure(AssertionError):
    pass


def describe(method: str, path: str, user: str, sent) -> str:
    text = repr(sent)
    if len(text) > 600:
        text = text[:600] + "…"
    return f"{method} {path} as {user} with {text}"


def exchange(client, method: str, path: str, *, user: str, view: str, pairs=(), files=False):
    """Send one request in a savepoint; raise Failure on a 500 or a half-saved rejection."""
    with transaction.atomic():
        before = snapshot()
        if method == "GET":
            query = urlencoded(pairs)
            response = client.get(path + ("?" + query if query else ""))
        elif files:
            response = client.post(path, multipart(pairs))
        else:
            response = client.post(
                path, urlencoded(pairs), content_type="application/x-www-form-urlencoded"
            )
        where = describe(method, path, user, list(pairs))
        if response.status_code >= 500:
            transaction.set_rollback(True)
            detail = ""
            if getattr(response, "exc_info", None):
                detail = "".join(traceback.format_exception(*response.exc_info)[-6:])
            raise Failure(f"500 from {where}\n{detail}")
        reason = rejection(response)
        try:
            after = snapshot()
        except Exception as exc:  # noqa: BLE001 - a view that swallowed a database error
            transaction.set_rollback(True)
            raise Failure(f"transaction left broken by {where}: {exc}") from None
        transaction.set_rollback(True)
    if reason:
        allowed = WRITES_WHEN_REJECTED.get(view.split(":")[-1], set())
        diff = [line for line in changed(before, after) if line.split(" ")[0] not in allowed]
        if diff:
            raise Failure(f"half-saved: {where} was rejected ({reason}) but changed {diff}")
    return response


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(kind: str = "ok"):
    if kind == "ok":
        return SimpleUploadedFile("说明.pdf", PDF, content_type="application/pdf")
    if kind == "long":
        return SimpleUploadedFile("长" * 300 + ".pdf", PDF, content_type="application/pdf")
    if kind == "zip":
        return SimpleUploadedFile("表.docx", b"PK\x03\x04" + b"\x00" * 26, "application/zip")
    if kind == "empty":
        return SimpleUploadedFile("空.pdf", b"", content_type="application/pdf")
    return SimpleUploadedFile("run.exe", b"MZ\x90\x00", content_type="application/octet-stream")
