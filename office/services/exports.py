"""Files made in the background: the request returns at once, a worker renders the file.

One mechanism for every such file (a person's export, the supervision circular):
1. claim — a short transaction moves the record from pending to rendering and stamps the claim;
2. render — outside any lock (it can take minutes);
3. store — a second short transaction saves the file, only if the claim still holds (the record
   was not asked for again, nor re-claimed after going stale, in the meantime).
Running it twice does nothing the second time; a claim older than OFFICE_RENDER_STALE_SECONDS
(a worker killed mid-render) may be taken again.

Exports: `export_request(owner=, builder="documents.catalogue_pdf", arguments=)` names a builder
registered with `office.exports.register_builder`; the owner alone may download the result.
"""

from collections.abc import Callable
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Q
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office import exports
from office.conf import setting
from office.models import GeneratedFile
from office.outbox import enqueue
from office.services.notifications import notify


def export_request(
    *, owner, title: str, filename: str, builder: str, arguments: dict
) -> GeneratedFile:
    """Queue a background export; the worker calls builder(user=owner, **arguments) -> bytes."""
    exports.builder(builder)  # fail now, not in the worker, on an unknown name
    export = GeneratedFile.objects.create(
        owner=owner, title=title, filename=filename, builder=builder, arguments=arguments
    )
    enqueue("office.tasks.build_export", export.pk)
    return export


def export_build(*, export_id: int) -> bool:
    """Build one pending export; safe to run twice (a finished export is left alone)."""
    return render_claimed(
        model=GeneratedFile,
        pk=export_id,
        build=lambda export: exports.builder(export.builder)(user=export.owner, **export.arguments),
        done=_export_done,
        failed=_export_failed,
    )


def _export_done(export: GeneratedFile) -> None:
    export.finished_at = now()
    _tell_owner(export, _("Ready to download: %s"))


def _export_failed(export: GeneratedFile, exc: Exception) -> None:
    export.error, export.finished_at = repr(exc)[:300], now()  # kept for the admin
    _tell_owner(export, _("Export failed: %s"))


def _tell_owner(export: GeneratedFile, title: str) -> None:
    notify(
        recipients=[export.owner],
        title=title % export.title,
        url=export.get_absolute_url(),
        kind="office.export",
        email=False,
    )


def render_claimed(
    *,
    model: type[models.Model],
    pk: int,
    build: Callable[[models.Model], bytes],
    done: Callable[[models.Model], None],
    failed: Callable[[models.Model, Exception], None],
) -> bool:
    """Claim, render outside the lock, store; False if there was nothing (left) to do.

    `model` has `status` (Status.PENDING/RENDERING/READY/FAILED), `claimed_at`, `file` and
    `filename`. `build(record) -> bytes` renders; `done(record)` / `failed(record, exc)` set
    their own fields and notify, inside the storing transaction (the record is saved after)."""
    Status = model.Status
    claim = now()
    stale = claim - timedelta(seconds=setting("OFFICE_RENDER_STALE_SECONDS", 1800, int))
    with transaction.atomic():
        taken = (
            model.objects.filter(pk=pk)
            .filter(Q(status=Status.PENDING) | Q(status=Status.RENDERING, claimed_at__lt=stale))
            .update(status=Status.RENDERING, claimed_at=claim)
        )
    if not taken:
        return False
    record = model.objects.get(pk=pk)
    try:
        content = build(record)
    except Exception as exc:  # the record says so; asking again retries
        with transaction.atomic():
            record = _still_claimed(model, pk, claim)
            if record is not None:
                record.status = Status.FAILED
                failed(record, exc)
                record.save()
        return False
    with transaction.atomic():
        record = _still_claimed(model, pk, claim)
        if record is None:  # asked for again meanwhile: the newer claim stores its own
            return False
        old = record.file.name
        record.file.save(record.filename, ContentFile(content), save=False)
        record.status = Status.READY
        done(record)
        record.save()
        if old and old != record.file.name:
            storage, name = record.file.storage, old
            transaction.on_commit(lambda: storage.delete(name))
    return True


def _still_claimed(model, pk: int, claim):
    return (
        model.objects.select_for_update()
        .filter(pk=pk, status=model.Status.RENDERING, claimed_at=claim)
        .first()
    )


def run_after_commit(fn: Callable[[], object]) -> None:
    """For a task the outbox runs inside its own transaction: render after that commits, so no
    lock or open transaction is held while rendering. Outside a transaction it runs now."""
    transaction.on_commit(fn)


def exports_prune() -> int:
    """Delete generated files (file and row) finished more than
    OFFICE_GENERATED_FILES_KEEP_DAYS (7) days ago; the download link then answers 404."""
    keep_days = setting("OFFICE_GENERATED_FILES_KEEP_DAYS", 7, int)
    old = GeneratedFile.objects.filter(
        status__in=[GeneratedFile.Status.READY, GeneratedFile.Status.FAILED],
        finished_at__lt=now() - timedelta(days=keep_days),
    )
    pruned = 0
    for export in old.only("pk", "file").iterator():
        with transaction.atomic():
            deleted, _kinds = GeneratedFile.objects.filter(pk=export.pk).delete()
            if deleted and export.file.name:
                storage, name = export.file.storage, export.file.name
                transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        pruned += bool(deleted)
    return pruned


def exports_requeue_stale() -> int:
    """Queue again the exports whose render never finished (the worker died after the
    outbox had marked its message done); the claim's staleness makes the rerun take it."""
    stale = now() - timedelta(seconds=setting("OFFICE_RENDER_STALE_SECONDS", 1800, int))
    ids = list(
        GeneratedFile.objects.filter(
            Q(status=GeneratedFile.Status.PENDING, created_at__lt=stale)
            | Q(status=GeneratedFile.Status.RENDERING, claimed_at__lt=stale)
        ).values_list("pk", flat=True)[:100]
    )
    with transaction.atomic():
        for export_id in ids:
            enqueue("office.tasks.build_export", export_id)
    return len(ids)
