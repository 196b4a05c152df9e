"""Lists, search and the inbox run the same number of queries at any table size (pinned)."""

import pytest
from django.urls import reverse

from office import todo

from .factories import IncomingFactory, NoticeFactory, OutgoingFactory

# The number of queries a page costs: session + user + the user's roles + whether the menu
# shows 信访 (petitions to handle) + the database's write counter (office.datacache), then
# the page's own. Each test starts with nothing kept, so this is the work itself.
PINNED = {
    "incoming_list": 8,
    "outgoing_list": 8,
    "notice_list": 8,
    "search": 12,
}


def fill(count, clerk, staff):
    for i in range(count):
        level = "secret" if i % 3 == 0 else "internal"
        IncomingFactory(
            title=f"关于会议安排的通知{i}",
            registered_by=clerk,
            security_level=level,
            lead_handler=staff,
            access=[clerk],
        )
        OutgoingFactory(
            title=f"关于值班会议的通知{i}",
            drafted_by=clerk,
            status="issued",
            number=f"办发〔2026〕{i + 1}号",
            security_level=level,
            access=[clerk],
        )
        NoticeFactory(title=f"会议通知{i}", created_by=clerk)


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("incoming_list", {}),
        ("incoming_list", {"q": "会议", "security_level": "internal"}),
        ("outgoing_list", {"q": "值班"}),
        ("notice_list", {"q": "会议"}),
        ("search", {"q": "会议"}),
    ],
)
def test_page_queries_do_not_grow(
    size, name, params, clerk, staff, client_for, django_assert_num_queries
):
    fill(size, clerk, staff)
    client = client_for(staff)
    with django_assert_num_queries(PINNED[name]):
        response = client.get(reverse(f"documents:{name}"), params)
    assert response.status_code == 200
    # The staff member sees only the internal ones; the secret third stays hidden.
    assert "会议" in response.content.decode()


def test_inbox_queries_do_not_grow(clerk, director, staff):
    """The director's inbox (every app's sources) costs the same with 2 or 40 documents."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fill_and_measure(count):
        for i in range(count):
            IncomingFactory(title=f"待拟办{i}", registered_by=clerk, status="registered")
            IncomingFactory(title=f"待批示{i}", registered_by=clerk, status="proposed")
        director_fresh = type(director).objects.get(pk=director.pk)
        with CaptureQueriesContext(connection) as queries:
            inbox = todo.inbox_for(director_fresh)
        return len(queries), inbox

    small, inbox = fill_and_measure(2)
    large, inbox_large = fill_and_measure(20)
    assert small == large
    labels = dict(inbox_large["todo"]["sources"])
    assert any(n == 22 for n in labels.values())  # awaiting my instruction: 2 + 20
