"""What the portal search (office.search) finds in the duty log: the log list's own ?q=."""

from django.utils import timezone
from django.utils.formats import date_format

from office.search import Hit, counted

from . import selectors


def log(user, term: str, limit: int):
    entries = selectors.log_entries_for(user).filter(summary__icontains=term)
    count, rows = counted(entries.order_by("-occurred_at", "-pk"), limit)
    return count, [
        Hit(
            title=str(entry),
            url=entry.get_absolute_url(),
            meta=date_format(timezone.localtime(entry.occurred_at), "Y-m-d H:i"),
        )
        for entry in rows
    ]
