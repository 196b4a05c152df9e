"""The access list of secret / confidential documents, and the log of who opened them."""

from django.db import transaction

from documents import permissions as can
from documents.models import AccessLog, IncomingDocument
from office.errors import require_actor
from office.services import audit


def grant_access(*, document, users, by=None) -> None:
    """Put people on the document's access list (no-op for open levels' visibility).

    A step inside other services (registering, instructing, circulating, issuing), which
    check their own actor; the director's own grant is access_grant."""
    users = [u for u in users if u is not None]
    if users:
        document.access_list.add(*users)
        if by is not None and document.is_restricted:
            audit(
                actor=by,
                verb="documents.access_granted",
                target=document,
                data={"users": [u.display_name for u in users]},
            )


@transaction.atomic
def access_grant(*, document, user, by) -> None:
    """The director adds someone to a secret / confidential document's access list."""
    require_actor(can.is_director(by))
    grant_access(document=document, users=[user], by=by)


@transaction.atomic
def access_revoke(*, document, user, by) -> None:
    require_actor(can.is_director(by))
    document.access_list.remove(user)
    audit(
        actor=by,
        verb="documents.access_revoked",
        target=document,
        data={"users": [user.display_name]},
    )


def record_opening(*, user, document, what: str, detail: str = "") -> AccessLog | None:
    """Log an opening of a 秘密 / 机密 document, its PDF or attachment; open levels are not
    logged (the page views of every member of staff would drown the ones that matter)."""
    if not document.is_restricted:
        return None
    field = "incoming" if isinstance(document, IncomingDocument) else "outgoing"
    return AccessLog.objects.create(
        user=user, what=what, detail=str(detail)[:200], **{field: document}
    )
