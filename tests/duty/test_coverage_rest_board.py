"""Coverage over the horizon, rest rules as warnings, 值班公示, each person's reminders."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from duty import selectors
from duty.services import preferences, roster, swaps
from office.models import Reminder
from tests.duty.factories import (
    PostFactory,
    ShiftTemplateFactory,
    assign,
    day_template,
    make_shift,
    night_template,
)

pytestmark = pytest.mark.django_db


def test_coverage_counts_missing_shifts_and_missing_people(leader, officer):
    main, emergency = PostFactory(name="总值班室"), PostFactory(name="应急值守")
    day = day_template()
    today = localdate()
    for offset in range(3):
        shift = make_shift(post=main, template=day, day=today + timedelta(days=offset))
        assign(shift, officer, "officer")
        if offset:
            assign(shift, leader, "leader")
    found = selectors.coverage(first_day=today, last_day=today + timedelta(days=4))
    missing = {(g.post.name, (g.day - today).days, g.missing) for g in found.gaps}
    assert ("总值班室", 0, "leader") in missing  # a shift without a leader
    assert ("总值班室", 3, "shift") in missing and ("总值班室", 4, "shift") in missing
    assert {d for p, d, m in missing if p == "应急值守"} == {0, 1, 2, 3, 4}  # the whole post
    assert found.count == 1 + 2 + 5
    folded = dict(found.by_post)
    assert [(r[0], r[1]) for r in folded[emergency]] == [(today, today + timedelta(days=4))]


def test_roster_page_shows_the_gaps(leader, client_for):
    PostFactory(name="应急值守")
    day_template()
    body = client_for(leader).get(reverse("duty:roster")).content.decode()
    assert 'id="coverage"' in body and "应急值守" in body and "未排班" in body
    assert 'id="grid-gaps">0<' not in body


def test_a_night_right_after_a_day_warns(leader, director, client_for):
    post = PostFactory(name="总值班室")
    today = localdate() + timedelta(days=3)
    roster.assignment_add(
        shift=make_shift(post=post, template=day_template(), day=today),
        person=leader,
        role="leader",
        by=director,
    )
    night = make_shift(post=post, template=night_template(), day=today)
    added = roster.assignment_add(shift=night, person=leader, role="leader", by=director)
    assert any("连续值班24小时" in w or "24 hours" in w for w in added.rest_warnings)


def test_too_little_rest_warns_in_generation(leader, officer, director, settings):
    settings.DUTY_MIN_REST_HOURS = 12
    post = PostFactory(name="总值班室")
    early = ShiftTemplateFactory(name="早班", start_time=time(8), end_time=time(16))
    late = ShiftTemplateFactory(name="晚班", start_time=time(22), end_time=time(6), order=1)
    first = localdate() + timedelta(days=2)
    made = roster.roster_generate(
        post=post,
        templates=[early, late],
        first_day=first,
        last_day=first,
        leaders=[leader],
        officers=[officer],
        officers_per_shift=1,
        by=director,
    )
    assert made.warnings and all("休息" in w or "rest" in w for w in made.warnings)


def test_a_swap_that_breaks_the_rest_rule_warns(leader, officer, director):
    colleague = officer
    post = PostFactory(name="总值班室")
    day = localdate() + timedelta(days=4)
    assign(make_shift(post=post, template=day_template(), day=day), colleague, "officer")
    from tests.factories import UserFactory

    mine = UserFactory(username="wumin", roles=["duty_officer"])
    night = assign(make_shift(post=post, template=night_template(), day=day), mine, "officer")
    swap = swaps.swap_request(assignment=night, colleague=colleague, reason="家中有事", by=mine)
    assert swap.rest_warnings


def test_board_shows_now_and_next_with_phones_to_every_employee(
    shift,
    next_shift,
    leader,
    officer,
    next_officer,
    staff,
    client_for,
    django_assert_max_num_queries,
):
    leader.phone = "13800000001"
    leader.save(update_fields=["phone"])
    client = client_for(staff)
    client.get("/")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("duty:board"))
    body = page.content.decode()
    assert page.status_code == 200
    assert (
        "13800000001" in body and officer.display_name in body and next_officer.display_name in body
    )
    assert 'hx-trigger="every 60s"' in body
    partial = client.get(reverse("duty:board"), HTTP_HX_REQUEST="true").content.decode()
    assert 'id="duty-board"' in partial and "<html" not in partial
    home = client.get("/").content.decode()
    assert 'id="duty-board"' in home and "13800000001" in home


def test_board_query_count_does_not_grow_with_posts(
    staff, leader, client_for, django_assert_max_num_queries
):
    for n in range(8):
        make_shift(post=PostFactory(name=f"岗{n}"))
    client = client_for(staff)
    client.get(reverse("duty:board"))
    with django_assert_max_num_queries(12):
        client.get(reverse("duty:board"))


def test_each_person_chooses_their_lead_time(officer, director, time_machine):
    post = PostFactory(name="总值班室")
    shift = make_shift(post=post, template=day_template(), day=localdate() + timedelta(days=3))
    roster.assignment_add(shift=shift, person=officer, role="officer", by=director)
    soon = Reminder.objects.get(recipient=officer, kind="duty.shift_soon")
    assert soon.due_at == shift.starts_at - timedelta(minutes=60)
    preferences.preference_set(
        person=officer, remind_day_before=False, remind_before_minutes=240, by=officer
    )
    soon.refresh_from_db()
    assert soon.due_at == shift.starts_at - timedelta(hours=4)
    evening = Reminder.objects.get(recipient=officer, kind="duty.shift_day_before")
    assert evening.status == "cancelled"


def test_the_reminder_page_saves_the_choice(officer, client_for):
    client = client_for(officer)
    response = client.post(
        reverse("duty:reminders"), {"remind_before_minutes": "120", "remind_day_before": "on"}
    )
    assert response.status_code == 302
    assert officer.duty_preference.remind_before_minutes == 120
    bad = client.post(reverse("duty:reminders"), {"remind_before_minutes": "7"})
    assert bad.status_code == 200
    officer.duty_preference.refresh_from_db()
    assert officer.duty_preference.remind_before_minutes == 120


def test_nobody_else_sets_my_reminders(officer, leader):
    from office.errors import NotAllowed

    with pytest.raises(NotAllowed):
        preferences.preference_set(
            person=officer, remind_day_before=True, remind_before_minutes=30, by=leader
        )
    assert not hasattr(officer, "duty_preference") or officer.duty_preference.pk is None
