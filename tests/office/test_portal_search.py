"""The header's one search: every kind the reader may search, each scoped as its own list."""

import re

import pytest
from django.urls import reverse
from django.utils.timezone import now

from duty.models import LogEntry
from tests.documents.factories import IncomingFactory, NoticeFactory, OutgoingFactory
from tests.duty.factories import make_shift
from tests.meetings.factories import MeetingFactory, MinutesFactory
from tests.reception.factories import VisitFactory
from tests.supervision.factories import TaskFactory

pytestmark = pytest.mark.django_db


EVERY_KIND = [
    "documents.incoming",
    "documents.outgoing",
    "documents.notices",
    "meetings",
    "meetings.minutes",
    "supervision",
    "duty.log",
    "reception.visits",
]


def counts(page: str) -> dict[str, str]:
    """{kind: count} as the page shows them."""
    return dict(
        re.findall(r'data-kind="([^"]+)".*?<span class="badge[^"]*">([^<]+)</span>', page, re.S)
    )


@pytest.fixture
def corpus(clerk, director, officer, staff):
    IncomingFactory(
        title="关于召开防汛工作会议的通知", registered_by=clerk, security_level="public"
    )
    IncomingFactory(title="关于会议经费的请示", registered_by=clerk, security_level="secret")
    OutgoingFactory(title="关于召开办公会议的通知", drafted_by=clerk, status="issued")
    NoticeFactory(title="会议室维修通知", created_by=clerk)
    meeting = MeetingFactory(title="季度工作会议", organiser=clerk, chair=director, recorder=clerk)
    MinutesFactory(meeting=meeting, summary="研究会议制度", status="draft")
    TaskFactory(title="落实会议决定", owner=staff, assigned_by=director)
    LogEntry.objects.create(
        shift=make_shift(),
        occurred_at=now(),
        kind="other",
        summary="会议室空调报修",
        author=officer,
    )
    VisitFactory(host=director, purpose="参加会议", organisation="市水务局")


def test_the_director_finds_the_term_in_every_kind(client_for, director, corpus):
    page = client_for(director).get(reverse("search"), {"q": "会议"}).content.decode()
    found = counts(page)
    assert {kind: found.get(kind) for kind in EVERY_KIND} == {
        "documents.incoming": "2",
        "documents.outgoing": "1",
        "documents.notices": "1",
        "meetings": "1",
        "meetings.minutes": "1",
        "supervision": "1",
        "duty.log": "1",
        "reception.visits": "1",
    }
    assert "关于召开防汛工作会议的通知" in page and "会议室空调报修" in page
    assert reverse("documents:incoming_list") + "?q=%E4%BC%9A%E8%AE%AE" in page


def test_each_kind_is_scoped_as_its_own_list(client_for, staff, corpus):
    page = client_for(staff).get(reverse("search"), {"q": "会议"}).content.decode()
    found = counts(page)
    assert "duty.log" not in found and "reception.visits" not in found  # not their rooms
    assert found["documents.incoming"] == "1"  # the 秘密 request is not theirs
    assert "会议经费" not in page
    assert found["meetings.minutes"] == "0"  # a draft only its makers read
    assert found["supervision"] == "1"  # they own the item


def test_a_two_character_term_finds_and_one_character_is_explained(client_for, director, corpus):
    client = client_for(director)
    assert (
        counts(client.get(reverse("search"), {"q": "防汛"}).content.decode())["documents.incoming"]
        == "1"
    )
    page = client.get(reverse("search"), {"q": "会"}).content.decode()
    assert "至少" in page and "data-kind" not in page


@pytest.mark.parametrize(
    "query",
    [{"q": "\x00会议"}, {"q": "会议" * 200}, {"q": ["会议", "x"]}, {"q": "%_\\"}, {"q": " "}, {}],
)
def test_odd_input_is_answered_never_a_500(client_for, director, corpus, query):
    response = client_for(director).get(reverse("search"), query)
    assert response.status_code == 200


def test_queries_do_not_grow_with_matches(
    client_for, director, corpus, django_assert_max_num_queries
):
    client = client_for(director)
    client.get(reverse("search"), {"q": "会议"})
    with django_assert_max_num_queries(26) as first:
        client.get(reverse("search"), {"q": "会议"})
    for n in range(8):
        IncomingFactory(title=f"会议纪要{n}", registered_by=director, security_level="public")
        MeetingFactory(title=f"会议{n}", chair=director)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("search"), {"q": "会议"})


def test_the_header_has_the_search_box(client_for, staff):
    page = client_for(staff).get(reverse("home")).content.decode()
    assert 'id="portal-search"' in page and f'action="{reverse("search")}"' in page
