"""Pages: the week for staff and the office, the PDF, the entry form's clash warning, access."""

import datetime
import io

import pdfplumber
import pytest
from django.urls import reverse

from schedule import services
from schedule.models import Entry, Leader, Visibility
from tests.meetings.factories import MeetingFactory

from .conftest import local

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 30)
WEEK = reverse("schedule:index") + "?week=2026-11-30"


def form_data(leader, **more):
    return {
        "leader": leader.pk,
        "kind": Entry.Kind.RESEARCH,
        "title": "乡村振兴调研",
        "day": "2026-11-30",
        "start_time": "09:30",
        "end_time": "11:30",
        "place": "城关镇",
        "visibility": Visibility.PUBLIC,
        **more,
    }


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("schedule:index"))
    assert response.status_code == 302 and "login" in response.url


def test_staff_see_only_the_published_week(
    frozen, client_for, county_head, clerk, staff, make_entry
):
    make_entry(county_head, local(MONDAY, 9), title="调研秋粮收购")
    page = client_for(staff).get(WEEK).content.decode()
    assert "调研秋粮收购" not in page and "尚未发布" in page
    services.week_publish(monday=MONDAY, by=clerk)
    make_entry(county_head, local(MONDAY, 15), title="发布后新增")
    page = client_for(staff).get(WEEK).content.decode()
    assert "调研秋粮收购" in page and "发布后新增" not in page


def test_the_office_sees_changes_since_publishing(
    frozen, client_for, county_head, clerk, make_entry
):
    make_entry(county_head, local(MONDAY, 9))
    services.week_publish(monday=MONDAY, by=clerk)
    make_entry(county_head, local(MONDAY, 15), title="发布后新增")
    page = client_for(clerk).get(WEEK).content.decode()
    assert "发布后新增" in page and "发布后有变更" in page and "再次发布" in page


def test_an_office_only_entry_is_not_shown_to_staff(
    frozen, client_for, county_head, clerk, staff, make_entry
):
    make_entry(county_head, local(MONDAY, 9), title="私人行程", visibility=Visibility.OFFICE)
    services.week_publish(monday=MONDAY, by=clerk)
    assert "私人行程" not in client_for(staff).get(WEEK).content.decode()
    assert "私人行程" in client_for(county_head.user).get(WEEK).content.decode()


def test_the_entry_form_warns_of_a_clash_and_saves_when_confirmed(
    frozen, client_for, county_head, director
):
    MeetingFactory(chair=county_head.user, title="防汛专题会", start=local(MONDAY, 9))
    client = client_for(director)
    url = reverse("schedule:entry_create")
    response = client.post(url, form_data(county_head))
    assert response.status_code == 200
    page = response.content.decode()
    assert "防汛专题会" in page and "仍然保存" in page
    assert not Entry.objects.exists()
    response = client.post(url, form_data(county_head, confirm_clash="on"))
    assert response.status_code == 302 and Entry.objects.count() == 1
    page = client.get(WEEK).content.decode()
    assert "冲突" in page


def test_bad_input_is_the_form_again_and_nothing_saved(frozen, client_for, county_head, clerk):
    response = client_for(clerk).post(
        reverse("schedule:entry_create"), form_data(county_head, end_time="08:00")
    )
    assert response.status_code == 200 and "结束" in response.content.decode()
    assert not Entry.objects.exists()


def test_staff_may_not_enter_publish_or_keep_leaders(
    frozen, client_for, county_head, staff, make_entry
):
    client = client_for(staff)
    entry = make_entry(county_head, local(MONDAY, 9))
    assert client.get(reverse("schedule:entry_create")).status_code == 403
    assert client.post(reverse("schedule:publish") + "?week=2026-11-30").status_code == 403
    assert client.get(reverse("schedule:leaders")).status_code == 403
    assert client.get(reverse("schedule:entry_edit", args=[entry.pk])).status_code == 403
    assert client.post(reverse("schedule:entry_delete", args=[entry.pk])).status_code == 404


def test_the_clerk_keeps_the_leaders(frozen, client_for, clerk, staff):
    client = client_for(clerk)
    response = client.post(
        reverse("schedule:leaders"), {"user": staff.pk, "title": "副县长", "order": 3}
    )
    assert response.status_code == 302
    assert Leader.objects.get(user=staff, active=True).title == "副县长"


def test_publish_from_the_page(frozen, client_for, county_head, clerk, make_entry):
    make_entry(county_head, local(MONDAY, 9))
    response = client_for(clerk).post(reverse("schedule:publish") + "?week=2026-11-30")
    assert response.status_code == 302
    assert "已发布，第1版" in client_for(clerk).get(WEEK).content.decode()


def test_a_bad_week_parameter_is_this_week(frozen, client_for, staff):
    response = client_for(staff).get(reverse("schedule:index") + "?week=2026-13-45")
    assert response.status_code == 200
    assert "2026-11-30 – 2026-12-06" in response.content.decode()


def test_the_pdf_is_the_familiar_table_in_chinese_landscape(
    frozen, client_for, county_head, clerk, staff, make_entry
):
    make_entry(county_head, local(MONDAY, 9), title="调研秋粮收购", place="城关镇")
    make_entry(county_head, local(MONDAY, 15), title="办公室掌握", visibility=Visibility.OFFICE)
    services.week_publish(monday=MONDAY, by=clerk)
    client = client_for(staff)
    client.cookies["django_language"] = "en"
    response = client.get(reverse("schedule:week_pdf") + "?week=2026-11-30")
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        text = page.extract_text()
    for heading in ("领导一周活动安排", "日期", "时间", "活动内容", "地点", "领导", "陪同部门"):
        assert heading in text
    assert "调研秋粮收购" in text and "城关镇" in text and "王县长" in text
    assert "星期一" in text and "办公室掌握" not in text


def test_the_week_page_queries_do_not_grow_with_rows(
    frozen, client_for, county_head, deputy, clerk, make_entry, django_assert_max_num_queries
):
    client = client_for(clerk)
    for hour in (8, 10):
        make_entry(county_head, local(MONDAY, hour), hours=1)
        MeetingFactory(chair=deputy.user, start=local(MONDAY, hour))
    services.week_publish(monday=MONDAY, by=clerk)
    client.get(WEEK)
    with django_assert_max_num_queries(25) as small:
        client.get(WEEK)
    for day in range(1, 6):
        for hour in (8, 10, 14):
            make_entry(county_head, local(MONDAY + datetime.timedelta(days=day), hour), hours=1)
            MeetingFactory(
                chair=deputy.user, start=local(MONDAY + datetime.timedelta(days=day), hour)
            )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(WEEK)


def test_the_clerk_changes_and_removes_an_entry(frozen, client_for, county_head, clerk, make_entry):
    entry = make_entry(county_head, local(MONDAY, 9))
    client = client_for(clerk)
    url = reverse("schedule:entry_edit", args=[entry.pk])
    assert 'value="乡村振兴调研"' in client.get(url).content.decode()
    response = client.post(
        url, form_data(county_head, title="改为调研供暖", start_time="14:00", end_time="15:00")
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "改为调研供暖" and entry.start == local(MONDAY, 14)
    client.post(reverse("schedule:entry_delete", args=[entry.pk]))
    assert not Entry.objects.exists()


def test_the_clerk_takes_a_leader_off_the_list(frozen, client_for, county_head, clerk):
    response = client_for(clerk).post(reverse("schedule:leader_remove", args=[county_head.pk]))
    assert response.status_code == 302
    county_head.refresh_from_db()
    assert not county_head.active
    page = client_for(clerk).get(reverse("schedule:leaders")).content.decode()
    assert "王县长（县长）" not in page
