"""What the portal search (office.search) finds in reception: the visitor log's own ?q=."""

from office.search import counted

from . import selectors
from .filters import VisitLogFilter


def visits(user, term: str, limit: int):
    return counted(VisitLogFilter({"q": term}, queryset=selectors.log_for(user)).qs, limit)
