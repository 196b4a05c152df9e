"""外借: the custodian lends a physical seal out and confirms its return; the borrower and the
custodian are reminded when it is due, the director when it is overdue."""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.conf import setting
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify, reminder_schedule, reminders_cancel
from seals.models import Seal, SealLoan
from seals.permissions import may_confirm_return, may_lend

KIND_DUE = "seals.loan_due"
KIND_OVERDUE = "seals.loan_overdue"


def escalate_after() -> timedelta:
    """How long after the due time an unreturned seal is escalated to the director."""
    return timedelta(hours=setting("SEALS_LOAN_ESCALATE_HOURS", 24, int))


def loan_still_out(reminder) -> bool:
    return SealLoan.objects.filter(pk=reminder.target_id, status=SealLoan.Status.OUT).exists()


@transaction.atomic
def loan_lend(*, seal_id: int, by, borrower, reason: str, due_back) -> SealLoan:
    """Lend the seal out (its custodian or the director): who, why, due back when."""
    seal = Seal.objects.select_for_update().get(pk=seal_id)
    require_actor(may_lend(by, seal), _("Only the seal's custodian can lend it out."))
    if seal.status != Seal.Status.IN_USE:
        raise TransitionNotAllowed(_("Only a seal in use can be lent out."))
    if not borrower.is_active:
        raise DomainError(_("The borrower must be an active member of staff."))
    moment = now()
    if due_back <= moment:
        raise DomainError(_("The seal must be due back later than now."))
    loan = SealLoan.objects.create(
        seal=seal, borrower=borrower, reason=reason, lent_by=by, lent_at=moment, due_back=due_back
    )
    seal.status = Seal.Status.LENT_OUT
    seal.save(update_fields=["status"])
    audit(actor=by, verb="seals.loan_lent", target=loan, data={"subject": str(borrower)})
    notify(
        recipients=[borrower],
        title=Message(gettext_noop("You have borrowed %(seal)s"), seal=seal),
        body=reason,
        url=loan.get_absolute_url(),
        kind="seals.loan",
        actor=by,
    )
    title = _("Seal due back: %(loan)s") % {"loan": loan}
    for person in {borrower, seal.custodian}:
        reminder_schedule(
            kind=KIND_DUE,
            target=loan,
            recipient=person,
            due_at=due_back,
            title=title,
            url=loan.get_absolute_url(),
        )
    for director in users_with_role("director"):
        reminder_schedule(
            kind=KIND_OVERDUE,
            target=loan,
            recipient=director,
            due_at=due_back + escalate_after(),
            title=Message(gettext_noop("Overdue seal loan: %(loan)s"), loan=loan),
            url=loan.get_absolute_url(),
        )
    return loan


@transaction.atomic
def loan_return(*, loan_id: int, by, note: str = "") -> SealLoan:
    """The custodian confirms the seal is back; the reminders are dropped."""
    loan = SealLoan.objects.select_for_update().get(pk=loan_id)
    require_actor(
        may_confirm_return(by, loan), _("Only the seal's custodian can confirm its return.")
    )
    loan.require_transition(SealLoan.Status.RETURNED, _("This loan is already closed."))
    seal = Seal.objects.select_for_update().get(pk=loan.seal_id)
    loan.status, loan.returned_at, loan.confirmed_by = SealLoan.Status.RETURNED, now(), by
    loan.return_note = note[:200]
    loan.save(update_fields=["status", "returned_at", "confirmed_by", "return_note"])
    if seal.status == Seal.Status.LENT_OUT:
        seal.status = Seal.Status.IN_USE
        seal.save(update_fields=["status"])
    reminders_cancel(target=loan)
    audit(actor=by, verb="seals.loan_returned", target=loan, data={"reason": note})
    return loan
