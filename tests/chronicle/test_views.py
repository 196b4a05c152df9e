import datetime
import io

import pdfplumber
import pytest
from django.urls import reverse

from chronicle import services
from chronicle.models import Entry
from office import todo

pytestmark = pytest.mark.django_db

INDEX = reverse("chronicle:index")


def _entries(clerk):
    services.entry_create(by=clerk, date=datetime.date(2026, 9, 10), title="教师节慰问")
    services.entry_create(by=clerk, date=datetime.date(2026, 3, 5), title="学雷锋活动")
    services.entry_create(by=clerk, date=datetime.date(2026, 11, 2), title="冬季防火检查")


def _suggestion(issued, title="关于印发年度工作要点的通知"):
    issued(title=title)
    services.suggestions_sweep()
    return Entry.objects.get(title__contains=title)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_read_the_accepted_chronicle_by_month(client_for, clerk, staff, issued):
    _entries(clerk)
    waiting = _suggestion(issued)
    discarded = _suggestion(issued, "废弃的建议")
    services.suggestion_discard(entry_id=discarded.pk, by=clerk)
    page = client_for(staff).get(INDEX, {"year": 2026}).content.decode()
    assert page.index("3月") < page.index("学雷锋活动") < page.index("9月") < page.index("教师节")
    assert page.index("教师节慰问") < page.index("冬季防火检查")
    assert waiting.title not in page and "废弃的建议" not in page
    assert 'id="add-entry"' not in page  # staff only read
    assert client_for(staff).get(reverse("chronicle:entry", args=[waiting.pk])).status_code == 404
    assert client_for(staff).get(reverse("chronicle:suggestions")).status_code == 403
    assert client_for(staff).get(reverse("chronicle:create")).status_code == 403


def test_the_year_navigation_and_a_bad_year(client_for, clerk, staff):
    _entries(clerk)
    response = client_for(staff).get(INDEX, {"year": "2025"})
    assert (
        "教师节慰问" not in response.content.decode() and "?year=2026" in response.content.decode()
    )
    response = client_for(staff).get(INDEX, {"year": "abc"}, follow=True)
    assert response.status_code == 200  # the current year, with a message that it was ignored


def test_the_pdf_has_the_months_in_order_and_only_accepted_entries(
    client_for, clerk, staff, issued
):
    _entries(clerk)
    discarded = _suggestion(issued, "不应出现的公文")
    services.suggestion_discard(entry_id=discarded.pk, by=clerk)
    _suggestion(issued, "尚未审核的公文")
    response = client_for(staff).get(reverse("chronicle:year_pdf"), {"year": 2026})
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "2026年大事记" in text
    assert text.index("3月") < text.index("9月") < text.index("11月")
    assert "学雷锋活动" in text and "教师节慰问" in text
    assert "不应出现的公文" not in text and "尚未审核的公文" not in text


def test_the_clerk_edits_and_accepts_a_suggestion(client_for, clerk, issued):
    entry = _suggestion(issued)
    client = client_for(clerk)
    page = client.get(reverse("chronicle:entry", args=[entry.pk])).content.decode()
    assert "关于印发年度工作要点的通知" in page
    response = client.post(
        reverse("chronicle:entry", args=[entry.pk]),
        {"date": "2026-04-01", "title": "县政府印发年度工作要点", "body": "", "importance": "high"},
    )
    assert response.status_code == 302 and "year=2026" in response["Location"]
    entry.refresh_from_db()
    assert (entry.status, entry.title, entry.importance) == (
        "accepted",
        "县政府印发年度工作要点",
        "high",
    )
    assert "县政府印发年度工作要点" in client.get(INDEX, {"year": 2026}).content.decode()


def test_bad_input_shows_the_form_again_and_saves_nothing(client_for, clerk, issued):
    entry = _suggestion(issued)
    response = client_for(clerk).post(
        reverse("chronicle:entry", args=[entry.pk]),
        {"date": "not a date", "title": "", "importance": "normal"},
    )
    assert response.status_code == 200 and "entry-form" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == "suggested"


def test_discarding_twice_says_it_was_already_decided(client_for, clerk, director, issued):
    entry = _suggestion(issued)
    url = reverse("chronicle:discard", args=[entry.pk])
    client_for(clerk).post(url, {"reason": "不够重要"})
    response = client_for(director).post(url, {}, follow=True)
    assert "已经舍弃" in response.content.decode()
    assert Entry.objects.get().status == "discarded"


def test_writing_an_entry_by_hand(client_for, director):
    response = client_for(director).post(
        reverse("chronicle:create"),
        {"date": "2026-06-30", "title": "召开七一表彰大会", "body": "", "importance": "normal"},
    )
    assert response.status_code == 302
    assert Entry.objects.get().status == "accepted"


def test_the_clerk_has_suggestions_to_review_in_the_to_do(clerk, staff, issued):
    entry = _suggestion(issued)
    items = [
        i
        for i in todo.inbox_for(clerk)[todo.TODO]["items"]
        if i.source.key == "chronicle.suggestions"
    ]
    assert [i.url for i in items] == [entry.get_absolute_url()]
    assert not [
        i
        for i in todo.inbox_for(staff)[todo.TODO]["items"]
        if i.source.key == "chronicle.suggestions"
    ]


@pytest.mark.parametrize("rows", [2, 12])
def test_the_year_page_queries_do_not_grow_with_rows(
    client_for, clerk, rows, django_assert_max_num_queries
):
    for n in range(rows):
        services.entry_create(by=clerk, date=datetime.date(2026, 1 + n % 12, 1), title=f"事项{n}")
    client = client_for(clerk)
    client.get(INDEX, {"year": 2026})
    with django_assert_max_num_queries(12):
        response = client.get(INDEX, {"year": 2026})
    assert response.content.decode().count("chronicle-entry") == rows


def test_the_review_form_shows_the_suggested_date_for_a_date_picker(client_for, clerk, issued):
    entry = _suggestion(issued)
    page = client_for(clerk).get(reverse("chronicle:entry", args=[entry.pk])).content.decode()
    assert f'value="{entry.date:%Y-%m-%d}"' in page
