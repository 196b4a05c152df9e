"""The petitions rules, each under time_machine: acceptance within 15 days, handling within 60
(one extension of up to 30, approved by the director), a review asked within 30 days, once;
the reminders before and after the deadline, each sent once; the purge of personal data."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification
from office.services.approvals import approval_decide
from office.services.reminders import due_reminder_ids, reminders_send_batch
from petitions import services
from petitions.models import Petition

from .conftest import data, days

START = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def deliver() -> int:
    return reminders_send_batch(reminder_ids=due_reminder_ids())


def test_registration_sets_the_15_day_acceptance_deadline(clock, registered):
    assert registered.status == Petition.Status.REGISTERED
    assert registered.accept_by == datetime.date(2026, 3, 25)
    assert registered.light == "green"
    clock.move_to(START + days(13))
    assert Petition.objects.get(pk=registered.pk).light == "yellow"
    clock.move_to(START + days(16))
    assert Petition.objects.get(pk=registered.pk).light == "red"


def test_the_director_hears_once_when_acceptance_is_late(clock, registered, director):
    clock.move_to(START + days(15))
    assert deliver() == 0
    clock.move_to(START + days(16))
    assert deliver() == 1
    assert deliver() == 0
    assert (
        Notification.objects.filter(
            recipient=director, kind="reminder.petitions.accept_overdue"
        ).count()
        == 1
    )


def test_an_accepted_petition_does_not_remind_the_director(clock, accepted, director):
    clock.move_to(START + days(16))
    deliver()
    assert not Notification.objects.filter(
        recipient=director, kind="reminder.petitions.accept_overdue"
    )


def test_only_petition_staff_register(clock, staff):
    with pytest.raises(NotAllowed):
        services.petition_register(data=data(), by=staff)


def test_a_category_outside_the_list_is_refused(clock, petition_officer):
    with pytest.raises(DomainError):
        services.petition_register(data=data(category="nonsense"), by=petition_officer)
    assert not Petition.objects.exists()


def test_reject_needs_a_reason_and_is_final(clock, registered, petition_officer):
    with pytest.raises(DomainError):
        services.petition_reject(petition_id=registered.pk, by=petition_officer, reason=" ")
    services.petition_reject(
        petition_id=registered.pk, by=petition_officer, reason="已进入诉讼程序"
    )
    with pytest.raises(TransitionNotAllowed):
        services.petition_accept(petition_id=registered.pk, by=petition_officer)


def test_the_notice_is_recorded_once(clock, accepted, petition_officer):
    services.notice_record_sent(petition_id=accepted.pk, by=petition_officer)
    with pytest.raises(DomainError):
        services.notice_record_sent(petition_id=accepted.pk, by=petition_officer)


def test_handling_deadline_is_60_days_from_acceptance_at_most(
    clock, accepted, petition_officer, land_department, land_head
):
    with pytest.raises(DomainError, match="60"):
        services.petition_assign(
            petition_id=accepted.pk,
            by=petition_officer,
            department=land_department,
            deadline=datetime.date(2026, 5, 10),
        )
    petition = services.petition_assign(
        petition_id=accepted.pk, by=petition_officer, department=land_department
    )
    assert petition.deadline == datetime.date(2026, 5, 9)


def test_the_assignee_must_belong_to_the_department(
    clock, accepted, petition_officer, land_department, staff
):
    with pytest.raises(DomainError):
        services.petition_assign(
            petition_id=accepted.pk, by=petition_officer, department=land_department, assignee=staff
        )


def test_head_reminded_before_the_deadline_director_after_each_once(
    clock, assigned, land_head, director
):
    deadline = assigned.deadline
    clock.move_to(
        timezone.make_aware(datetime.datetime.combine(deadline - days(3), datetime.time(9, 1)))
    )
    assert Petition.objects.get(pk=assigned.pk).light == "yellow"
    assert deliver() == 1
    assert (
        Notification.objects.filter(recipient=land_head, kind="reminder.petitions.due_soon").count()
        == 1
    )
    clock.move_to(
        timezone.make_aware(datetime.datetime.combine(deadline + days(1), datetime.time(9, 1)))
    )
    assert Petition.objects.get(pk=assigned.pk).light == "red"
    assert deliver() == 1
    assert deliver() == 0
    assert (
        Notification.objects.filter(recipient=director, kind="reminder.petitions.overdue").count()
        == 1
    )


def test_a_reply_stops_the_reminders(clock, replied, land_head, director):
    clock.move_to(START + days(70))
    assert deliver() == 0


def test_only_the_handling_department_replies(clock, assigned, staff, land_clerk):
    with pytest.raises(NotAllowed):
        services.petition_reply(petition_id=assigned.pk, by=staff, reply="x")
    petition = services.petition_reply(petition_id=assigned.pk, by=land_clerk, reply="已处理")
    assert petition.status == Petition.Status.REPLIED


def test_one_extension_of_up_to_30_days_approved_by_the_director(
    clock, assigned, land_head, director
):
    with pytest.raises(DomainError, match="30"):
        services.extension_request(petition_id=assigned.pk, by=land_head, days=31, reason="复杂")
    extension = services.extension_request(
        petition_id=assigned.pk, by=land_head, days=30, reason="需现场勘测"
    )
    with pytest.raises(NotAllowed):
        approval_decide(target=extension, by=land_head, approve=True)
    approval_decide(target=extension, by=director, approve=True)
    petition = Petition.objects.get(pk=assigned.pk)
    assert petition.deadline == assigned.deadline + days(30)
    assert petition.extended_days == 30
    with pytest.raises(DomainError, match="只能延期一次"):
        services.extension_request(petition_id=assigned.pk, by=land_head, days=5, reason="再延")


def test_a_refused_extension_may_be_asked_again(clock, assigned, land_head, director):
    extension = services.extension_request(
        petition_id=assigned.pk, by=land_head, days=10, reason="a"
    )
    approval_decide(target=extension, by=director, approve=False, reason="理由不足")
    assert Petition.objects.get(pk=assigned.pk).deadline == assigned.deadline
    services.extension_request(petition_id=assigned.pk, by=land_head, days=10, reason="补充理由")


def test_the_old_reminder_moves_with_the_extension(clock, assigned, land_head, director):
    extension = services.extension_request(
        petition_id=assigned.pk, by=land_head, days=30, reason="a"
    )
    approval_decide(target=extension, by=director, approve=True)
    clock.move_to(
        timezone.make_aware(
            datetime.datetime.combine(assigned.deadline + days(1), datetime.time(10))
        )
    )
    deliver()
    assert not Notification.objects.filter(kind="reminder.petitions.overdue")


def test_satisfaction_closes_it(clock, replied, petition_officer):
    with pytest.raises(DomainError):
        services.satisfaction_record(petition_id=replied.pk, by=petition_officer, satisfaction="x")
    petition = services.satisfaction_record(
        petition_id=replied.pk, by=petition_officer, satisfaction="dissatisfied"
    )
    assert petition.status == Petition.Status.CLOSED


def test_review_within_30_days_of_the_reply_once(clock, replied, petition_officer, director):
    services.satisfaction_record(
        petition_id=replied.pk, by=petition_officer, satisfaction="dissatisfied"
    )
    clock.move_to(START + days(31))
    with pytest.raises(DomainError, match="30"):
        services.review_request(petition_id=replied.pk, by=petition_officer, reason="不服")
    clock.move_to(START + days(30))
    petition = services.review_request(petition_id=replied.pk, by=petition_officer, reason="不服")
    assert petition.review_deadline == datetime.date(2026, 4, 9) + days(30)
    services.review_record(petition_id=replied.pk, by=director, result="维持原处理意见")
    with pytest.raises(DomainError, match="第二次复查"):
        services.review_request(petition_id=replied.pk, by=petition_officer, reason="再次")


def test_personal_data_purged_after_retention_of_finished_petitions(
    clock, replied, registered, petition_officer
):
    services.satisfaction_record(
        petition_id=replied.pk, by=petition_officer, satisfaction="satisfied"
    )
    open_one = services.petition_register(data=data(), by=petition_officer)
    clock.move_to(START + days(364))
    assert services.personal_data_purge() == 0
    clock.move_to(START + days(366))
    assert services.personal_data_purge() == 1
    closed = Petition.objects.get(pk=replied.pk)
    assert (closed.petitioner_id_number, closed.petitioner_phone, closed.petitioner_address) == (
        "",
        "",
        "",
    )
    assert closed.petitioner_name == "张晓明"
    assert Petition.objects.get(pk=open_one.pk).petitioner_id_number
