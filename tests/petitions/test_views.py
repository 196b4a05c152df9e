"""Petition pages: who sees a petition (staff, the handling department, the director; anyone
else 404 in the list, detail, PDF, search and to-do), the petitioner masked for all but petition
staff, bad input refused with nothing saved, the notice PDF in Chinese, statistics."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from office import todo
from office.search import search
from petitions import services
from petitions.models import Petition
from tests.pdf import pdf_text

from .conftest import ID_NUMBER


def yesterday() -> str:
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


def test_anonymous_is_sent_to_log_in(client, registered):
    response = client.get(reverse("petitions:detail", args=[registered.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_the_department_and_the_director_see_it(
    assigned, petition_officer, land_head, land_clerk, director, client_for
):
    for user in (petition_officer, land_head, land_clerk, director):
        assert client_for(user).get(assigned.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("name", ["detail", "notice_pdf"])
def test_an_outsider_gets_404(assigned, staff, client_for, name):
    response = client_for(staff).get(reverse(f"petitions:{name}", args=[assigned.pk]))
    assert response.status_code == 404


def test_an_outsider_finds_nothing_in_list_search_or_todo(assigned, staff, client_for):
    assert client_for(staff).get(reverse("petitions:index")).status_code == 404
    sections = {s.kind.key: s for s in search(staff, "宅基地")}
    assert "petitions" not in sections  # not even an empty 信访 section
    keys = [s.key for s in todo.sources() if s.key.startswith("petitions.")]
    assert all(not todo_source_count(staff, key) for key in keys)


def todo_source_count(user, key):
    source = next(s for s in todo.sources() if s.key == key)
    return source.queryset(user).count()


def test_the_department_finds_it_in_search_and_its_todo(assigned, land_head):
    sections = {s.kind.key: s for s in search(land_head, "宅基地")}
    assert sections["petitions"].count == 1
    assert todo_source_count(land_head, "petitions.to_handle") == 1


def test_personal_data_masked_for_everyone_but_petition_staff(
    assigned, petition_officer, land_head, director, client_for
):
    staff_page = client_for(petition_officer).get(assigned.get_absolute_url()).content.decode()
    assert ID_NUMBER in staff_page and "13812345678" in staff_page and "张晓明" in staff_page
    for user in (land_head, director):
        page = client_for(user).get(assigned.get_absolute_url()).content.decode()
        assert ID_NUMBER not in page and "13812345678" not in page and "张晓明" not in page
        assert "1101**********002X" in page and "138****5678" in page and "张**" in page


def test_the_department_cannot_search_by_the_petitioners_name(assigned, land_head):
    sections = {s.kind.key: s for s in search(land_head, "张晓明")}
    assert sections["petitions"].count == 0


def test_registering_with_a_bad_id_number_saves_nothing(petition_officer, client_for):
    response = client_for(petition_officer).post(
        reverse("petitions:register"),
        {
            "channel": "visit",
            "received_on": yesterday(),
            "petitioner_name": "王某",
            "petitioner_id_number": "110105194912310021",
            "title": "噪音扰民",
            "matter": "夜间施工",
            "category": "environment",
        },
    )
    assert response.status_code == 200
    assert "校验码不符" in response.content.decode()
    assert not Petition.objects.exists()


def test_registering_through_the_page(petition_officer, client_for):
    response = client_for(petition_officer).post(
        reverse("petitions:register"),
        {
            "channel": "online",
            "received_on": yesterday(),
            "petitioner_name": "王某",
            "title": "噪音扰民",
            "matter": "夜间施工",
            "category": "environment",
        },
    )
    petition = Petition.objects.get()
    assert response.status_code == 302 and response["Location"] == petition.get_absolute_url()


def test_only_staff_register(staff, client_for):
    assert client_for(staff).get(reverse("petitions:register")).status_code == 403


def test_the_acceptance_notice_pdf_in_chinese(accepted, petition_officer, client_for):
    response = client_for(petition_officer).get(reverse("petitions:notice_pdf", args=[accepted.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "信访事项受理告知书" in text and "张晓明" in text and "宅基地纠纷" in text


def test_the_non_acceptance_notice_gives_the_reason(registered, petition_officer, client_for):
    services.petition_reject(
        petition_id=registered.pk, by=petition_officer, reason="已进入诉讼程序"
    )
    response = client_for(petition_officer).get(
        reverse("petitions:notice_pdf", args=[registered.pk])
    )
    text = pdf_text(response.content)
    assert "不予受理告知书" in text and "已进入诉讼程序" in text


def test_the_department_may_not_accept(registered, land_head, client_for):
    registered.department = land_head.department
    Petition.objects.filter(pk=registered.pk).update(department=land_head.department)
    response = client_for(land_head).post(reverse("petitions:accept", args=[registered.pk]))
    assert response.status_code == 403
    assert Petition.objects.get(pk=registered.pk).status == Petition.Status.REGISTERED


def test_a_reply_without_text_is_refused(assigned, land_head, client_for):
    client_for(land_head).post(reverse("petitions:reply", args=[assigned.pk]), {"reply": ""})
    assert Petition.objects.get(pk=assigned.pk).status == Petition.Status.ASSIGNED


def test_a_second_extension_is_refused_with_a_message(assigned, land_head, director, client_for):
    from office.services.approvals import approval_decide

    extension = services.extension_request(
        petition_id=assigned.pk, by=land_head, days=20, reason="复杂"
    )
    approval_decide(target=extension, by=director, approve=True)
    response = client_for(land_head).post(
        reverse("petitions:extension", args=[assigned.pk]),
        {"days": 5, "reason": "再延"},
        follow=True,
    )
    assert "只能延期一次" in response.content.decode()


def test_the_list_shows_lights_and_its_queries_do_not_grow(
    petition_officer, client_for, django_assert_max_num_queries, land_department
):
    from .conftest import data

    client = client_for(petition_officer)
    services.petition_register(data=data(), by=petition_officer)
    with django_assert_max_num_queries(12) as few:
        page = client.get(reverse("petitions:index"))
    for _n in range(10):
        services.petition_register(data=data(), by=petition_officer)
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("petitions:index"))
    assert "light-green" in page.content.decode()


def test_statistics_for_staff_and_director_only(
    replied, petition_officer, director, staff, client_for
):
    assert client_for(staff).get(reverse("petitions:statistics")).status_code == 403
    page = client_for(director).get(reverse("petitions:statistics")).content.decode()
    assert "自然资源局" in page and "<svg" in page
    sheet = client_for(petition_officer).get(reverse("petitions:statistics_xlsx"))
    assert sheet["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_director_approves_the_extension_on_the_page(assigned, land_head, director, client_for):
    services.extension_request(petition_id=assigned.pk, by=land_head, days=15, reason="需勘测")
    page = client_for(director).get(assigned.get_absolute_url()).content.decode()
    assert reverse("petitions:extension_decide", args=[assigned.pk, 1]) in page
    client_for(director).post(reverse("petitions:extension_decide", args=[assigned.pk, 1]))
    petition = Petition.objects.get(pk=assigned.pk)
    assert petition.deadline == assigned.deadline + datetime.timedelta(days=15)
    page = client_for(land_head).get(assigned.get_absolute_url()).content.decode()
    assert "已延期15天" in page


def test_the_head_may_not_approve_the_extension(assigned, land_head, client_for):
    services.extension_request(petition_id=assigned.pk, by=land_head, days=15, reason="需勘测")
    response = client_for(land_head).post(
        reverse("petitions:extension_decide", args=[assigned.pk, 1])
    )
    assert response.status_code == 403
    assert Petition.objects.get(pk=assigned.pk).deadline == assigned.deadline


def test_the_detail_turns_yellow_then_red(assigned, land_head, client_for):
    import time_machine

    before = timezone.make_aware(
        datetime.datetime.combine(assigned.deadline - datetime.timedelta(days=2), datetime.time(10))
    )
    with time_machine.travel(before, tick=False):
        client = client_for(land_head)  # signed in at that moment: the session is fresh
        assert "light-yellow" in client.get(assigned.get_absolute_url()).content.decode()
    with time_machine.travel(before + datetime.timedelta(days=3), tick=False):
        client = client_for(land_head)
        page = client.get(assigned.get_absolute_url()).content.decode()
        assert "light-red" in page
        assert "light-red" in client.get(reverse("petitions:index")).content.decode()


def test_each_step_is_in_the_history(replied, petition_officer, client_for):
    services.satisfaction_record(
        petition_id=replied.pk, by=petition_officer, satisfaction="satisfied"
    )
    page = client_for(petition_officer).get(replied.get_absolute_url()).content.decode()
    for label in ("登记信访件", "受理信访件", "转办信访件", "承办部门答复", "登记信访人满意度"):
        assert label in page
