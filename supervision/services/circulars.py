"""The monthly circular: asked for on the statistics page, rendered by a worker."""

import datetime
import logging

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext_noop

from office.errors import require_actor
from office.exports import builder
from office.i18n import Message
from office.outbox import enqueue
from office.pdf import render_pdf
from office.services import audit, notify
from office.services.exports import render_claimed
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
    """Render through office's one mechanism (claim, render outside the lock, store); a
    request made meanwhile sets the circular back to pending and its own render stores."""
    return render_claimed(
        model=Circular,
        pk=circular_id,
        build=lambda circular: builder("supervision.circular")(
            user=circular.requested_by, month=f"{circular.month:%Y-%m}"
        ),
        done=_circular_done,
        failed=_circular_failed,
    )


def circular_pdf(*, user, month: str) -> bytes:
    """Export builder "supervision.circular": the month's circular as PDF (office-wide)."""
    from supervision.circular import circular_context

    first = datetime.date.fromisoformat(f"{month}-01")
    return render_pdf("supervision/pdf/circular.html", circular_context(first))


def _circular_done(circular: Circular) -> None:
    circular.rendered_at = now()
    notify(
        recipients=[circular.requested_by],
        title=Message(
            gettext_noop("The circular for %(month)s is ready"), month=f"{circular.month:%Y-%m}"
        ),
        url=circular.get_absolute_url(),
        kind="supervision.circular_ready",
        email=False,
    )


def _circular_failed(circular: Circular, exc: Exception) -> None:
    # shown as failed (asking again retries); the error goes to the log
    log.error("circular %s: rendering failed", circular.pk, exc_info=exc)
