"""Search across incoming, outgoing and notices: number, title, source, keywords, body;
two-character Chinese terms; filters by kind, status, year and level."""

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from documents.models import IncomingDocument, OutgoingDocument
from documents.services import outgoing_sign

from .factories import IncomingFactory, NoticeFactory, OutgoingFactory


def search(client, **params):
    return client.get(reverse("documents:search"), params).content.decode()


@pytest.fixture
def corpus(clerk, director):
    IncomingFactory(
        title="关于召开防汛工作会议的通知",
        source_org="市水务局",
        kind="notice",
        registered_by=clerk,
        keywords="防汛",
    )
    IncomingFactory(
        title="关于预算调整的请示",
        source_org="市财政局",
        kind="request",
        registered_by=clerk,
        summary="涉及值班经费安排",
    )
    OutgoingFactory(
        title="关于节日安排的通知",
        body="请各处室安排好值班人员。",
        drafted_by=clerk,
        status="issued",
        number="办发〔2026〕33号",
    )
    NoticeFactory(title="会议室维修的公告", body="三楼会议室暂停使用。", created_by=clerk)
    IncomingFactory(
        title="About the Annual Report",
        source_org="Foreign Office",
        kind="letter",
        registered_by=clerk,
    )


@pytest.mark.parametrize(
    ("term", "expected", "absent"),
    [
        ("会议", ["防汛工作会议", "会议室维修"], ["预算调整"]),
        ("值班", ["预算调整", "节日安排"], ["防汛工作会议"]),
        ("市水务局", ["防汛工作会议"], ["预算调整"]),
        ("办发〔2026〕33号", ["节日安排"], ["防汛"]),
        ("防汛", ["防汛工作会议"], ["节日安排"]),
        ("annual report", ["About the Annual Report"], ["防汛"]),
    ],
)
def test_search_finds_by_each_field(corpus, clerk, client_for, term, expected, absent):
    page = search(client_for(clerk), q=term)
    for title in expected:
        assert title in page
    for title in absent:
        assert title not in page


def test_filters_narrow_the_results(corpus, clerk, client_for):
    client = client_for(clerk)  # the office: every 内部 incoming document is in its scope
    page = search(client, q="关于", kind="request")
    assert "预算调整" in page and "防汛工作会议" not in page
    year = localdate().year
    assert "防汛工作会议" in search(client, q="防汛", year=str(year))
    assert "防汛工作会议" not in search(client, q="防汛", year=str(year - 1))
    page = search(client, q="会议", scope="incoming")
    assert 'id="results-incoming"' in page and 'id="results-notices"' not in page
    page = search(client, q="会议", status="registered")
    assert "防汛工作会议" in page


def test_the_number_given_at_sign_off_is_searchable(clerk, director, staff, client_for):
    document = OutgoingFactory(title="关于春运保障的通知", status="signing", drafted_by=clerk)
    signed = outgoing_sign(document_id=document.pk, by=director)
    OutgoingDocument.objects.filter(pk=document.pk).update(status="issued")
    assert "关于春运保障的通知" in search(client_for(staff), q=signed.number)


def test_the_search_column_follows_edits(clerk):
    document = IncomingFactory(title="旧标题", registered_by=clerk)
    document.title = "新标题"
    document.save(update_fields=["title"])
    assert IncomingDocument.objects.filter(search_text__contains="新标题").exists()
    assert not IncomingDocument.objects.filter(search_text__contains="旧标题").exists()


def test_empty_or_bad_search_is_harmless(staff, client_for):
    client = client_for(staff)
    assert client.get(reverse("documents:search")).status_code == 200
    response = client.get(reverse("documents:search"), {"q": "%_\\", "year": "x", "scope": "?"})
    assert response.status_code == 200
