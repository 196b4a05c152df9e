"""Home page: to-do inbox across registered sources, a fixed number of queries however many
items; per-role navigation; profile; language switch."""

import pytest
from django.core.cache import caches
from django.utils.translation import gettext_lazy as _

from office import navigation, todo
from office.models import Notification
from office.services import audit, notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def unread_source(monkeypatch):
    """The only source: the user's unread notifications stand in for an app's records."""
    source = todo.TodoSource(
        key="tests.unread",
        bucket=todo.TODO,
        label=_("Test items"),
        queryset=lambda user: Notification.objects.filter(recipient=user, read_at__isnull=True),
    )
    monkeypatch.setattr(todo, "_sources", {})
    monkeypatch.setattr("office.home._panels", {})  # apps' panels have their own tests
    todo.register(source)
    return source


def test_inbox_lists_items_newest_first_with_counts(unread_source, clerk, client_for):
    notify(recipients=[clerk], title="较早的事项")
    notify(recipients=[clerk], title="最新的事项")
    inbox = todo.inbox_for(clerk)
    assert inbox["todo"]["count"] == 2
    assert [item.title for item in inbox["todo"]["items"]][:2] == ["最新的事项", "较早的事项"]
    html = client_for(clerk).get("/").content.decode()
    assert "最新的事项" in html and 'id="count-todo">2<' in html


@pytest.mark.parametrize("items", [2, 40])
def test_home_query_count_does_not_grow(
    unread_source, clerk, client_for, django_assert_num_queries, items
):
    Notification.objects.bulk_create(
        [Notification(recipient=clerk, title=f"事项{i}") for i in range(items)]
    )
    client = client_for(clerk)
    client.get("/")  # warm the session and content-type caches
    caches["pages"].clear()  # the work itself, not what office.datacache kept of it
    # session, user, groups (nav), the nav's 信访 entry, data version, source count + page,
    # done, notifications list, unread count
    with django_assert_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count("事项") >= min(items, 20)


def test_done_tab_shows_what_i_did(clerk, client_for):
    audit(actor=clerk, verb="user.profile_changed", target=clerk)
    html = client_for(clerk).get("/").content.decode()
    assert "修改个人资料" in html


def test_navigation_shows_only_entries_visible_to_the_role(clerk, staff, client_for):
    entry = navigation.NavEntry(
        key="secret", label="仅文秘可见", url_name="home", visible=lambda u: u.has_role("clerk")
    )
    navigation.register(entry)
    try:
        assert "仅文秘可见" in client_for(clerk).get("/").content.decode()
        assert "仅文秘可见" not in client_for(staff).get("/").content.decode()
    finally:
        navigation._entries.pop("secret")


def test_language_switch_to_english(clerk, client_for):
    client = client_for(clerk)
    assert "待办" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "To do" in html and "Welcome" in html


def test_profile_edit_and_bad_input(clerk, client_for):
    client = client_for(clerk)
    ok = client.post(
        "/profile/", {"name": "李秀英", "title": "文秘", "phone": "010-5555 0101", "email": ""}
    )
    assert ok.status_code == 302
    clerk.refresh_from_db()
    assert clerk.phone == "010-5555 0101"
    for bad in [
        {"name": "<script>alert(1)</script>", "title": "", "phone": "", "email": ""},
        {"name": "x" * 51, "title": "", "phone": "", "email": ""},
        {"name": "李", "title": "", "phone": "abc", "email": ""},
        {"name": "李\x00", "title": "", "phone": "", "email": ""},
    ]:
        response = client.post("/profile/", bad)
        assert response.status_code == 200, bad
        assert (
            "invalid-feedback" in response.content.decode() or "alert" in response.content.decode()
        )
    clerk.refresh_from_db()
    assert clerk.name == "李秀英" and clerk.phone == "010-5555 0101"


def test_non_utf8_input_is_not_a_500(clerk, client_for):
    client = client_for(clerk)
    response = client.post(
        "/profile/",
        data=b"name=%FF%FE&title=&phone=&email=",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 302)


def test_unknown_url_is_chinese_404(clerk, client_for, settings):
    settings.DEBUG = False
    response = client_for(clerk).get("/no/such/page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_all_sources_are_counted_in_one_query(clerk, monkeypatch, django_assert_num_queries):
    """Twenty sources, two of them with items: one query counts them all, one fetches each
    non-empty source's items; a pile past COUNT_UP_TO reads "N+"."""
    monkeypatch.setattr(todo, "_sources", {})
    monkeypatch.setattr(todo, "COUNT_UP_TO", 3)
    for n in range(20):
        kind = "full" if n in (4, 11) else f"empty{n}"
        todo.register(
            todo.TodoSource(
                key=f"tests.{n}",
                bucket=todo.TO_READ if n == 11 else todo.TODO,
                label=f"source {n}",
                queryset=lambda user, kind=kind: Notification.objects.filter(
                    recipient=user, kind=kind
                ),
            )
        )
    notify(recipients=[clerk], title="待办一", kind="full")
    for i in range(4):
        notify(recipients=[clerk], title=f"更多{i}", kind="full")
    with django_assert_num_queries(3):
        inbox = todo.inbox_for(clerk)
    assert inbox["todo"]["sources"] == [("source 4", "3+")]
    assert inbox["todo"]["count"] == 3 and inbox["todo"]["more"]
    assert len(inbox["todo"]["items"]) == 5


def test_a_source_dated_by_a_date_field_sorts_with_the_others(unread_source, clerk, client_for):
    """A source whose date field holds a date (not a datetime) used to make the home page a 500."""
    from django.db.models import DateField
    from django.db.models.functions import Cast

    todo.register(
        todo.TodoSource(
            key="tests.dated",
            bucket=todo.TODO,
            label=_("Test items"),
            queryset=lambda user: Notification.objects.filter(
                recipient=user, title="按日期的事项"
            ).annotate(day=Cast("created_at", DateField())),
            date_field="day",
        )
    )
    notify(recipients=[clerk], title="按日期的事项")
    notify(recipients=[clerk], title="带时间的事项")
    inbox = todo.inbox_for(clerk)
    dated = [item for item in inbox["todo"]["items"] if item.source.key == "tests.dated"]
    assert dated and dated[0].all_day
    html = client_for(clerk).get("/").content.decode()
    assert "按日期的事项" in html and "带时间的事项" in html


def test_a_label_colon_is_full_width_in_chinese_and_ascii_in_english():
    from django.template import Context, Template
    from django.utils import translation

    template = Template('{% load i18n office_tags %}{% translate "Reason" %}{% colon %}x')
    with translation.override("zh-hans"):
        assert template.render(Context()).endswith("：x")
    with translation.override("en"):
        assert template.render(Context()) == "Reason: x"
