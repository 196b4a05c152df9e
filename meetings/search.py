"""What the portal search (office.search) finds in meetings and their minutes."""

from django.db.models import Exists, OuterRef, Q

from office.roles import has_role
from office.search import counted

from . import selectors
from .models import Minutes, Resolution


def meetings(user, term: str, limit: int):
    """As the meeting list's ?q=: the title or an agenda item."""
    return counted(selectors.meeting_list_for(user, q=term), limit)


def minutes(user, term: str, limit: int):
    """Minutes of meetings the user may open, readable to them (permissions.can_read_minutes:
    approved, or drafts for their recorder, chair, organiser and the director), with the term
    in the meeting's title, the summary or a resolution."""
    readable = Q(status=Minutes.Status.APPROVED)
    if not has_role(user, "director"):
        readable |= Q(meeting__recorder=user) | Q(meeting__chair=user)
        readable |= Q(meeting__organiser=user)
    else:
        readable = Q()
    resolved = Resolution.objects.filter(minutes=OuterRef("pk"), content__icontains=term)
    found = (
        Minutes.objects.filter(meeting__in=selectors.meetings_for(user).values("pk"))
        .filter(readable)
        .filter(
            Q(meeting__title__icontains=term) | Q(summary__icontains=term) | Q(Exists(resolved))
        )
        .select_related("meeting")
        .order_by("-meeting__start", "-pk")
    )
    return counted(found, limit)
