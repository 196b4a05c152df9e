"""What the portal search (office.search) finds in documents: the lists' own search."""

from office.search import counted

from . import selectors


def incoming(user, term: str, limit: int):
    return counted(selectors.incoming_list(user, {"q": term}), limit)


def outgoing(user, term: str, limit: int):
    return counted(selectors.outgoing_list(user, {"q": term}), limit)


def notices(user, term: str, limit: int):
    return counted(selectors.notice_list(user, {"q": term}), limit)
