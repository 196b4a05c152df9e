"""Large exports made in the background: the request returns at once, a worker builds the
file, the owner is notified with a link that only they can open.

A builder is a function `builder(*, user, **arguments) -> bytes`, e.g.
    def catalogue_pdf(*, user, year): ... return render_pdf("documents/pdf/catalogue.html", ctx)
It receives the requesting user so it scopes what it reads exactly as a view would.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.models import GeneratedFile
from office.outbox import enqueue
from office.services.notifications import notify


def export_request(
    *, owner, title: str, filename: str, builder: str, arguments: dict
) -> GeneratedFile:
    """Queue a background export; the worker calls builder(user=owner, **arguments) -> bytes."""
    import_string(builder)  # fail now, not in the worker, on a wrong path
    export = GeneratedFile.objects.create(
        owner=owner, title=title, filename=filename, builder=builder, arguments=arguments
    )
    enqueue("office.tasks.build_export", export.pk)
    return export


def export_build(*, export_id: int) -> bool:
    """Build one pending export; safe to run twice (a finished export is left alone)."""
    with transaction.atomic():
        export = (
            GeneratedFile.objects.select_for_update(skip_locked=True)
            .select_related("owner")
            .filter(pk=export_id, status=GeneratedFile.Status.PENDING)
            .first()
        )
        if export is None:
            return False
        try:
            content = import_string(export.builder)(user=export.owner, **export.arguments)
        except Exception as exc:  # the owner is told; the error is kept for the admin
            export.status, export.error = GeneratedFile.Status.FAILED, repr(exc)[:300]
            export.finished_at = now()
            export.save(update_fields=["status", "error", "finished_at"])
            notify(
                recipients=[export.owner],
                title=_("Export failed: %s") % export.title,
                url=export.get_absolute_url(),
                kind="office.export",
                email=False,
            )
            return False
        export.file.save(export.filename, ContentFile(content), save=False)
        export.status, export.finished_at = GeneratedFile.Status.READY, now()
        export.save(update_fields=["file", "status", "finished_at"])
        notify(
            recipients=[export.owner],
            title=_("Ready to download: %s") % export.title,
            url=export.get_absolute_url(),
            kind="office.export",
            email=False,
        )
    return True
