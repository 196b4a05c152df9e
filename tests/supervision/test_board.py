"""The board and the statistics: scope, filters, htmx, query counts that do not grow."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supervision.models import Task
from tests.factories import DepartmentFactory, UserFactory
from tests.supervision.factories import TaskFactory, in_days

pytestmark = pytest.mark.django_db

S = Task.Status
BOARD = reverse("supervision:index")
STATS = reverse("supervision:statistics")


def rows(response) -> set[str]:
    return {task.title for task in response.context["page"]}


def test_board_is_scoped(client_for, staff, other_staff, supervisor, director, clerk):
    mine = TaskFactory(title="我的事项", owner=staff, assigned_by=clerk)
    helping = TaskFactory(title="协办事项", owner=other_staff, assigned_by=clerk)
    helping.co_owners.add(staff)
    TaskFactory(title="别人的事项", owner=other_staff, assigned_by=director)
    assert rows(client_for(staff).get(BOARD)) == {"我的事项", "协办事项"}
    assert rows(client_for(clerk).get(BOARD)) == {"我的事项", "协办事项"}
    everything = {"我的事项", "协办事项", "别人的事项"}
    assert rows(client_for(supervisor).get(BOARD)) == everything
    assert rows(client_for(director).get(BOARD)) == everything
    assert mine.title in client_for(staff).get(BOARD).content.decode()


@pytest.fixture
def spread(clerk, staff, other_staff):
    """One item per light and state, two departments, two sources."""
    made = {
        "green": ("绿灯", staff, 20, S.ASSIGNED, None),
        "yellow": ("黄灯", staff, 2, S.ASSIGNED, None),
        "red": ("红灯", other_staff, -3, S.IN_PROGRESS, None),
        "done": ("按期办结", other_staff, -5, S.COMPLETED, True),
        "late": ("超期办结", staff, -9, S.COMPLETED, False),
        "gone": ("已撤销", staff, -9, S.CANCELLED, None),
    }
    return {
        key: TaskFactory(
            title=title,
            owner=owner,
            deadline=in_days(days),
            status=status,
            on_time=on_time,
            source_kind="resolution" if key == "yellow" else "adhoc",
        )
        for key, (title, owner, days, status, on_time) in made.items()
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"light": "green"}, {"绿灯"}),
        ({"light": "yellow"}, {"黄灯"}),
        ({"light": "red"}, {"红灯"}),
        ({"status": "completed"}, {"按期办结", "超期办结"}),
        ({"source": "resolution"}, {"黄灯"}),
        ({"outcome": "on_time"}, {"按期办结"}),
        ({"outcome": "late"}, {"红灯", "超期办结"}),
        ({"outcome": "due"}, {"红灯", "超期办结", "按期办结"}),
        ({"q": "办结"}, {"按期办结", "超期办结"}),
    ],
)
def test_board_filters(client_for, supervisor, spread, query, expected):
    assert rows(client_for(supervisor).get(BOARD, query)) == expected


def test_board_filters_by_department_owner_and_month(client_for, supervisor, spread, staff):
    client = client_for(supervisor)
    by_department = client.get(BOARD, {"department": staff.department_id})
    assert rows(by_department) == {"绿灯", "黄灯", "超期办结", "已撤销"}
    assert rows(client.get(BOARD, {"owner": staff.pk})) == rows(by_department)
    month = in_days(20)
    expected = {
        t.title
        for t in spread.values()
        if (t.deadline.year, t.deadline.month) == (month.year, month.month)
    }
    assert rows(client.get(BOARD, {"month": f"{month:%Y-%m}"})) == expected  # fmt: skip


@pytest.mark.parametrize(
    "query", [{"month": "2026-13"}, {"light": "purple"}, {"owner": "x"}, {"page": "999"}]
)
def test_bad_filters_never_fail(client_for, supervisor, spread, query):
    assert client_for(supervisor).get(BOARD, query).status_code == 200


def test_board_htmx_answers_the_results_only(client_for, supervisor, spread, htmx_headers):
    response = client_for(supervisor).get(BOARD, {"light": "red"}, **htmx_headers)
    assert [t.name for t in response.templates][0] == "supervision/partials/_board_results.html"
    assert "<html" not in response.content.decode() and "红灯" in response.content.decode()


def _many(count, owner, assigner):
    departments = [DepartmentFactory(code=f"d{i}") for i in range(3)]
    people = [UserFactory(department=departments[i % 3]) for i in range(4)]
    for index in range(count):
        TaskFactory(
            owner=people[index % 4], owner_department=departments[index % 3],
            assigned_by=assigner, deadline=in_days(index % 40 - 20),
            status=[S.ASSIGNED, S.IN_PROGRESS, S.COMPLETED][index % 3],
            on_time=bool(index % 2) if index % 3 == 2 else None,
        )  # fmt: skip


@pytest.mark.parametrize("page", [BOARD, STATS])
def test_query_count_does_not_grow(client_for, director, clerk, django_assert_num_queries, page):
    client = client_for(director)
    _many(5, director, clerk)
    client.get(page)  # warm caches (content types, sessions)
    caches["pages"].clear()  # the work itself, not what office.datacache kept of it
    with CaptureQueriesContext(connection) as small:
        assert client.get(page, {"light": "red"} if page == BOARD else {}).status_code == 200
    _many(60, director, clerk)
    caches["pages"].clear()
    with django_assert_num_queries(len(small)):
        assert client.get(page, {"light": "red"} if page == BOARD else {}).status_code == 200


def test_statistics_figures_and_links(client_for, supervisor, spread, staff, other_staff):
    response = client_for(supervisor).get(STATS)
    stats = response.context["stats"]
    overall = stats["overall"]
    # cancelled items do not count; red counts as late while open
    assert (overall.total, overall.on_time, overall.late, overall.open) == (5, 1, 2, 3)
    assert overall.rate == pytest.approx(33.3)
    departments = {row.label: row for row in stats["departments"]}
    finance = departments[staff.department.name]
    assert (finance.total, finance.on_time, finance.late, finance.rate) == (3, 0, 1, 0.0)
    personnel = departments[other_staff.department.name]
    assert (personnel.on_time, personnel.late, personnel.rate) == (1, 1, 50.0)
    # the figure links to exactly the items behind it
    board = client_for(supervisor).get(personnel.links["late"])
    assert rows(board) == {"红灯"}
    sources = {row.params["source"]: row for row in stats["sources"]}
    assert sources["resolution"].total == 1 and sources["adhoc"].total == 4
    page = response.content.decode()
    assert (
        "按期办结率" in page
        and "<svg" in page
        and personnel.links["late"].replace("&", "&amp;") in page
    )


def test_statistics_by_month_and_scope(client_for, supervisor, staff, spread):
    stats = client_for(supervisor).get(STATS).context["stats"]
    months = stats["months"]
    assert len(months) == 12
    assert sum(row.total for row in months) >= 3  # the items due in the last 12 months
    mine = client_for(staff).get(STATS).context["stats"]["overall"]
    assert mine.total == 3  # only staff's own items (green, yellow, late) – not everyone's


def test_statistics_for_one_month(client_for, supervisor, spread):
    month = in_days(-9)
    stats = client_for(supervisor).get(STATS, {"month": f"{month:%Y-%m}"}).context["stats"]
    assert all("month" in row.params for row in stats["departments"])
    assert client_for(supervisor).get(STATS, {"month": "garbage"}).status_code == 200
