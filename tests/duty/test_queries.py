"""Query counts do not grow with data: the month grid (50 people) and the duty log."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils.timezone import now

from duty.models import Assignment, LogEntry, Shift
from tests.duty.factories import PostFactory, day_template, night_template
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MONTH = date(2026, 10, 1)


def _fill_month(people_count: int, posts_count: int):
    people = [
        UserFactory(username=f"p{n:02d}", name=f"值班员{n:02d}", roles=["duty_officer"])
        for n in range(people_count)
    ]
    posts = [PostFactory(name=f"岗位{n}") for n in range(posts_count)]
    templates = [day_template(), night_template()]
    shifts = []
    for offset in range(31):
        day = MONTH + timedelta(days=offset)
        for post in posts:
            for template in templates:
                starts_at, ends_at = template.bounds_on(day)
                shifts.append(
                    Shift(
                        post=post, template=template, date=day, starts_at=starts_at, ends_at=ends_at
                    )
                )
    Shift.objects.bulk_create(shifts)
    per_slot = min(len(people) // 2, 2 * posts_count)
    slots = sorted({s.starts_at for s in shifts})
    assignments = []
    for shift in shifts:
        slot = slots.index(shift.starts_at)
        for seat in range(per_slot // posts_count):
            person = people[(slot * per_slot + posts.index(shift.post) * 2 + seat) % len(people)]
            assignments.append(
                Assignment(
                    shift=shift,
                    person=person,
                    role="leader" if seat == 0 else "officer",
                    starts_at=shift.starts_at,
                    ends_at=shift.ends_at,
                )
            )
    Assignment.objects.bulk_create(assignments)
    return people, shifts


def _grid_queries(client, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(reverse("duty:roster"), {"month": "2026-10"})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(("people", "posts"), [(4, 1), (50, 12)])
def test_month_grid_queries_do_not_grow(
    people, posts, leader, client_for, django_assert_num_queries
):
    _fill_month(people, posts)
    client = client_for(leader)
    client.get(reverse("duty:roster"), {"month": "2026-10"})  # warm session/user caches
    response = _grid_queries(client, django_assert_num_queries, GRID_QUERIES)
    body = response.content.decode()
    assert "值班员01" in body and body.count("<tr") >= 32


def test_grid_shows_gaps(leader, client_for):
    _fill_month(4, 1)
    Assignment.objects.filter(shift__date=MONTH, role="leader").delete()
    body = client_for(leader).get(reverse("duty:roster"), {"month": "2026-10"}).content.decode()
    assert "缺岗" in body


# session, user, groups (role check), notifications badge + nav (and its 信访 entry), posts,
# templates, shifts, assignments with people, and the horizon's coverage (posts, templates,
# shifts with their counts of leaders and officers) — counted once for the page at any size.
GRID_QUERIES = 13


def _fill_log(count: int, officer):
    shift = Shift.objects.first()
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                shift=shift,
                occurred_at=now() - timedelta(minutes=n),
                kind="phone",
                summary=f"来电{n}",
                author=officer,
            )
            for n in range(count)
        ]
    )


@pytest.mark.parametrize("count", [3, 400])
def test_log_queries_do_not_grow(count, leader, officer, client_for, django_assert_num_queries):
    _fill_month(4, 1)
    _fill_log(count, officer)
    client = client_for(leader)
    client.get(reverse("duty:log_list"))
    with django_assert_num_queries(LOG_QUERIES):
        response = client.get(
            reverse("duty:log_list"), {"kind": "phone", "page": "2" if count > 50 else "1"}
        )
    assert response.status_code == 200
    assert "来电" in response.content.decode()


LOG_QUERIES = 7  # session, user, groups, unread badge, 信访 menu entry, count, page
