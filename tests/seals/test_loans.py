"""外借: lent by the custodian, reminded when due, escalated to the director when overdue,
returned only when the custodian confirms it."""

from datetime import timedelta

import pytest
import time_machine
from django.utils.timezone import now

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification, Reminder
from office.services.reminders import due_reminder_ids, reminders_send_batch
from seals import services
from seals.models import Seal, SealLoan

pytestmark = pytest.mark.django_db


def reminders_send_due():
    reminders_send_batch(reminder_ids=due_reminder_ids())


def _lend(keeper, seal, borrower, hours=4):
    return services.loan_lend(
        seal_id=seal.pk,
        by=keeper,
        borrower=borrower,
        reason="外出签约",
        due_back=now() + timedelta(hours=hours),
    )


def test_a_loan_marks_the_seal_out_and_its_return_brings_it_back(keeper, seal, staff):
    loan = _lend(keeper, seal, staff)
    assert Seal.objects.get(pk=seal.pk).status == "lent_out"
    with pytest.raises(TransitionNotAllowed):
        _lend(keeper, seal, staff)  # one loan at a time
    with pytest.raises(NotAllowed):
        services.loan_return(loan_id=loan.pk, by=staff)  # the borrower cannot close it
    services.loan_return(loan_id=loan.pk, by=keeper, note="完好")
    assert SealLoan.objects.get(pk=loan.pk).status == "returned"
    assert Seal.objects.get(pk=seal.pk).status == "in_use"
    assert not Reminder.objects.filter(status=Reminder.Status.PENDING).exists()


def test_only_the_custodian_lends_and_never_into_the_past(seal, staff, keeper):
    with pytest.raises(NotAllowed):
        _lend(staff, seal, staff)
    with pytest.raises(DomainError):
        _lend(keeper, seal, staff, hours=-1)
    assert not SealLoan.objects.exists()


def test_the_borrower_is_reminded_when_due_and_the_director_when_overdue(
    keeper, seal, staff, director
):
    loan = _lend(keeper, seal, staff, hours=2)
    with time_machine.travel(loan.due_back + timedelta(minutes=1), tick=False):
        reminders_send_due()
    assert Notification.objects.filter(recipient=staff, reminder__isnull=False).count() == 1
    assert not Notification.objects.filter(recipient=director, reminder__isnull=False).exists()
    with time_machine.travel(loan.due_back + timedelta(hours=25), tick=False):
        reminders_send_due()
    assert Notification.objects.filter(recipient=director, reminder__isnull=False).count() == 1


def test_no_escalation_once_returned(keeper, seal, staff, director):
    loan = _lend(keeper, seal, staff, hours=2)
    services.loan_return(loan_id=loan.pk, by=keeper)
    with time_machine.travel(loan.due_back + timedelta(hours=30), tick=False):
        reminders_send_due()
    assert not Notification.objects.filter(reminder__isnull=False).exists()
