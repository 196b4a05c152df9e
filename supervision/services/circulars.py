"""The monthly circular: asked for on the statistics page, rendered by a worker."""

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import require_actor
from office.outbox import enqueue
from office.pdf import render_pdf
from office.services import audit, notify
from supervision import permissions as perms
from supervision.models import Circular

log = logging.getLogger(__name__)


@transaction.atomic
def circular_request(*, month: datetime.date, by) -> Circular:
    """(Re)make the month's circular: the figures change until the month is over."""
    require_actor(perms.can_see_circular(by))
    month = month.replace(day=1)
    circular, _created = Circular.objects.select_for_update().get_or_create(
        month=month, defaults={"requested_by": by, "requested_at": now()}
    )
    circular.status, circular.requested_by, circular.requested_at = (
        Circular.Status.PENDING,
        by,
        now(),
    )
    circular.save(update_fields=["status", "requested_by", "requested_at"])
    audit(actor=by, verb="supervision.circular_requested", target=circular)
    enqueue("supervision.tasks.render_circular", circular.pk)
    return circular


def circular_render(*, circular_id: int) -> bool:
    """Render outside any lock (it takes a while), then store it if nobody asked again since."""
    from supervision.circular import circular_context

    circular = Circular.objects.select_related("requested_by").get(pk=circular_id)
    asked_at = circular.requested_at
    try:
        pdf = render_pdf("supervision/pdf/circular.html", circular_context(circular.month))
    except Exception:  # shown as failed (asking again retries); the error goes to the log
        log.exception("circular %s: rendering failed", circular_id)
        Circular.objects.filter(pk=circular_id, requested_at=asked_at).update(
            status=Circular.Status.FAILED
        )
        return False
    with transaction.atomic():
        circular = Circular.objects.select_for_update().get(pk=circular_id)
        if circular.requested_at != asked_at:  # a newer request will render again
            return False
        old = circular.file.name
        circular.file.save(circular.filename, ContentFile(pdf), save=False)
        circular.status, circular.rendered_at = Circular.Status.READY, now()
        circular.save(update_fields=["file", "status", "rendered_at"])
        notify(
            recipients=[circular.requested_by],
            title=_("The circular for %(month)s is ready") % {"month": f"{circular.month:%Y-%m}"},
            url=circular.get_absolute_url(),
            kind="supervision.circular_ready",
            email=False,
        )
    if old and old != circular.file.name:
        circular.file.storage.delete(old)
    return True
