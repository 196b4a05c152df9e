"""Posts, shift templates and roster generation through their pages."""

import pytest
from django.urls import reverse

from duty.models import Assignment, Post, Shift, ShiftTemplate
from tests.duty.factories import PostFactory, day_template, night_template

pytestmark = pytest.mark.django_db


def test_setup_only_for_leaders_and_director(officer, staff, leader, director, client_for):
    url = reverse("duty:setup")
    assert client_for(officer).get(url).status_code == 403
    assert client_for(staff).get(url).status_code == 403
    assert client_for(leader).get(url).status_code == 200
    assert client_for(director).get(url).status_code == 200


def test_night_template_created_and_duplicate_refused(leader, client_for):
    client = client_for(leader)
    data = {"template-name": "夜班", "template-start_time": "20:00", "template-end_time": "08:00"}
    assert client.post(reverse("duty:setup"), data).status_code == 302
    assert ShiftTemplate.objects.get(name="夜班").crosses_midnight
    again = client.post(reverse("duty:setup"), data)
    assert again.status_code == 200 and ShiftTemplate.objects.count() == 1
    bad = client.post(
        reverse("duty:setup"), {**data, "template-name": "早班", "template-start_time": "25:99"}
    )
    assert bad.status_code == 200 and ShiftTemplate.objects.count() == 1


def test_post_created(director, client_for):
    client = client_for(director)
    client.post(reverse("duty:setup"), {"post-name": "应急值守", "post-description": "应急"})
    assert Post.objects.filter(name="应急值守").exists()
    response = client.post(reverse("duty:setup"), {"post-name": ""})
    assert response.status_code == 200 and Post.objects.count() == 1


def test_generate_through_the_form(leader, officer, client_for):
    post = PostFactory(name="总值班室")
    day, night = day_template(), night_template()
    data = {
        "post": post.pk,
        "templates": [day.pk, night.pk],
        "first_day": "2026-12-01",
        "last_day": "2026-12-07",
        "leaders": [leader.pk],
        "officers": [officer.pk],
        "officers_per_shift": 1,
    }
    response = client_for(leader).post(reverse("duty:roster_generate"), data)
    assert response.status_code == 302 and "month=2026-12" in response["Location"]
    assert Shift.objects.count() == 14 and Assignment.objects.count() == 28
    grid = client_for(officer).get(response["Location"]).content.decode()
    assert "★leader" in grid


def test_generate_bad_input_saves_nothing(leader, officer, client_for):
    post = PostFactory(name="总值班室")
    data = {
        "post": post.pk,
        "templates": [day_template().pk],
        "first_day": "2026-12-07",
        "last_day": "2026-12-01",
        "leaders": [leader.pk],
        "officers": [officer.pk],
        "officers_per_shift": "x",
    }
    response = client_for(leader).post(reverse("duty:roster_generate"), data)
    assert response.status_code == 200
    assert "结束日期不能早于开始日期" in response.content.decode()
    assert not Shift.objects.exists()
