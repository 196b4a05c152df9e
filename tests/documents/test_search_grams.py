"""The bigram index: one- and two-character terms are index lookups, longer ones exact;
results in the title first, newest first on ties; counts and pages never count everything."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import now

from documents.models import IncomingDocument
from documents.selectors import incoming_list
from office import pagination

from .factories import IncomingFactory

pytestmark = pytest.mark.django_db


def titles(user, term):
    return [d.title for d in incoming_list(user, {"q": term})]


def test_two_character_term_is_served_by_the_gram_column(clerk):
    IncomingFactory(title="关于值班安排的通知", registered_by=clerk)
    document = IncomingDocument.objects.get()
    assert {"值", "值班", "班安"} <= set(document.search_grams)
    assert titles(clerk, "值班") == ["关于值班安排的通知"]
    with CaptureQueriesContext(connection) as queries:
        list(incoming_list(clerk, {"q": "值班"}))
    where = queries[0]["sql"].split("ORDER BY")[0]  # the ranking looks at matches only
    assert "search_grams" in where and "LIKE" not in where


def test_longer_term_needs_the_characters_together(clerk):
    IncomingFactory(title="会议室改造", registered_by=clerk)
    IncomingFactory(title="会议纪要", summary="议室", registered_by=clerk)
    assert titles(clerk, "会议室") == ["会议室改造"]
    assert sorted(titles(clerk, "议")) == ["会议室改造", "会议纪要"]
    assert titles(clerk, "ab c") == []


def test_title_matches_first_then_newest(clerk):
    moment = now()
    IncomingFactory(title="旧的预算通知", registered_by=clerk, received_at=moment - timedelta(2))
    IncomingFactory(title="新的预算通知", registered_by=clerk, received_at=moment - timedelta(1))
    IncomingFactory(title="通知", summary="预算", registered_by=clerk, received_at=moment)
    assert titles(clerk, "预算") == ["新的预算通知", "旧的预算通知", "通知"]


def test_a_long_list_says_more_than_instead_of_counting_everything(client_for, clerk, monkeypatch):
    monkeypatch.setattr(pagination, "LOOKAHEAD_PAGES", 2)
    for i in range(60):
        IncomingFactory(title=f"来文{i}", registered_by=clerk)
    client = client_for(clerk)
    page = client.get(reverse("documents:incoming_list")).content.decode()
    assert "超过 50 件" in page and "第 1 页 / 超过 2 页" in page
    last = client.get(reverse("documents:incoming_list"), {"page": 3}).content.decode()
    assert "共 60 件" in last and "第 3 / 3 页" in last
    beyond = client.get(reverse("documents:incoming_list"), {"page": 9}).content.decode()
    assert "第 3 / 3 页" in beyond
