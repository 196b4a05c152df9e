"""What the portal search (office.search) finds in supervision: the board's own ?q=."""

from office.search import counted

from .filters import TaskFilter
from .selectors import board_for


def items(user, term: str, limit: int):
    found = TaskFilter({"q": term}, queryset=board_for(user)).qs.order_by("-pk")
    return counted(found, limit)
