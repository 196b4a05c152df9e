"""Approval chains: start, decide (approve or return with a reason), withdraw.

Every write locks the chain row; the owning app locks its record first and calls these from
its own service, so its status moves in the same transaction (through the rule's callbacks).
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.approvals import Rule, get_rule
from office.conf import setting
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.models import ApprovalChain, ApprovalStep
from office.roles import users_with_role

from .audit import audit
from .notifications import notify
from .reminders import reminder_schedule, reminders_cancel

REMINDER_KIND = "approval.step"


def remind_after() -> timedelta:
    """How long a step may wait before its approvers are reminded (once)."""
    return timedelta(hours=setting("OFFICE_APPROVAL_REMIND_HOURS", 24, int))


def chains_of(target):
    return ApprovalChain.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    )


def chain_for(target) -> ApprovalChain | None:
    """The record's latest chain with its steps (two queries, none after `chains_prefetch`)."""
    if hasattr(target, "prefetched_approval_chain"):
        return target.prefetched_approval_chain
    chain = chains_of(target).first()
    if chain is not None:
        chain.step_list = list(chain.steps.select_related("person", "decided_by"))
    return chain


def chains_prefetch(targets) -> None:
    """Load the latest chain of each record (of one model) in two queries, for a page that
    shows `{% approval_chain %}` for many records."""
    targets = list(targets)
    if not targets:
        return
    chains = ApprovalChain.objects.filter(
        target_type=ContentType.objects.get_for_model(targets[0]),
        target_id__in=[str(target.pk) for target in targets],
    ).prefetch_related(
        Prefetch("steps", ApprovalStep.objects.select_related("person", "decided_by"))
    )
    latest: dict[str, ApprovalChain] = {}
    for chain in chains:  # newest first
        if chain.target_id not in latest:
            chain.step_list = list(chain.steps.all())
            latest[chain.target_id] = chain
    for target in targets:
        target.prefetched_approval_chain = latest.get(str(target.pk))


def approvers_of(step: ApprovalStep) -> list:
    """Who is told of the step: its named person; a role only when no person is named (on a
    person's step the role is a stand-in who may decide and sees it in the to-do inbox)."""
    if step.person_id:
        return [step.person] if step.person.is_active else []
    return list(users_with_role(step.role))


def may_decide(user, step: ApprovalStep | None, rule: Rule | None = None) -> bool:
    """Only the current step's approver, and not the requester unless the rule allows it."""
    if step is None or step.status != ApprovalStep.Status.PENDING:
        return False
    if not (user and user.is_authenticated and user.is_active):
        return False
    rule = rule or get_rule(step.chain.rule)
    if not rule.requester_may_decide and step.chain.requested_by_id == user.pk:
        return False
    return step.person_id == user.pk or bool(step.role and user.has_role(step.role))


def current_step(target, *, rule: str = "", requested_by=None) -> ApprovalStep | None:
    """The pending step of the record's pending chain. With `rule`, a record that awaits
    approval but has no chain yet (made before chains existed) gets its first step, unsaved."""
    step = (
        ApprovalStep.objects.filter(
            chain__in=chains_of(target).filter(status=ApprovalChain.Status.PENDING),
            status=ApprovalStep.Status.PENDING,
        )
        .select_related("chain", "person")
        .first()
    )
    if step is not None or not rule:
        return step
    steps = [s for s in get_rule(rule).steps_for(target) if s.person is not None or s.role]
    if not steps:
        return None
    chain = ApprovalChain(rule=rule, requested_by=requested_by)
    first = steps[0]
    return ApprovalStep(
        chain=chain,
        order=1,
        label=str(first.label),
        role=first.role,
        person=first.person,
        status=ApprovalStep.Status.PENDING,
    )


def _activate(step: ApprovalStep, *, rule: Rule, by, quiet: bool = False) -> None:
    step.status, step.activated_at = ApprovalStep.Status.PENDING, now()
    step.save(update_fields=["status", "activated_at"])
    if quiet:
        return
    chain = step.chain
    title = _("Awaiting your approval (%(step)s): %(subject)s") % {
        "step": step.label,
        "subject": chain.title,
    }
    approvers = [
        p for p in approvers_of(step) if rule.requester_may_decide or p.pk != chain.requested_by_id
    ]
    notify(recipients=approvers, title=title, url=chain.url, kind=rule.kind, actor=by)
    due = now() + remind_after()
    for person in approvers:
        reminder_schedule(
            kind=REMINDER_KIND,
            target=step,
            recipient=person,
            due_at=due,
            title=Message(
                gettext_noop("Still awaiting your approval: %(subject)s"), subject=chain.title
            ),
            url=chain.url,
            occurrence="waiting",
        )


@transaction.atomic
def approval_start(*, rule: str, target, by, quiet: bool = False) -> ApprovalChain | None:
    """Start the rule's chain on `target`; None when the rule gives no steps for it."""
    definition = get_rule(rule)
    steps = [s for s in definition.steps_for(target) if s.person is not None or s.role]
    if not steps:
        return None
    if chains_of(target).filter(status=ApprovalChain.Status.PENDING).exists():
        raise TransitionNotAllowed(_("This record is already in approval."))
    chain = ApprovalChain.objects.create(
        rule=rule,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        title=str(definition.title(target))[:200],
        url=definition.url(target),
        requested_by=by,
    )
    rows = ApprovalStep.objects.bulk_create(
        ApprovalStep(chain=chain, order=n, label=str(s.label)[:100], role=s.role, person=s.person)
        for n, s in enumerate(steps, start=1)
    )
    audit(
        actor=by,
        verb="approval.started",
        target=target,
        data={"subject": " → ".join(row.label for row in rows)},
    )
    _activate(rows[0], rule=definition, by=by, quiet=quiet)
    return chain


@transaction.atomic
def approval_decide(
    *, target, by, approve: bool, reason: str = "", rule: str = "", requested_by=None
) -> ApprovalChain:
    """Approve the current step (the next is activated, the last completes the chain) or
    return the record with a reason (the chain ends). Only the step's approver may decide.

    With `rule` and `requested_by`, a record awaiting approval without a chain (made before
    chains existed) gets one first; the owning app has checked the record's own status."""
    reason = (reason or "").strip()
    if not approve and not reason:
        raise DomainError(_("Please give a reason for returning it."))
    pending = chains_of(target).select_for_update().filter(status=ApprovalChain.Status.PENDING)
    chain = pending.first()
    if chain is None and rule and requested_by is not None:
        approval_start(rule=rule, target=target, by=requested_by, quiet=True)
        chain = pending.first()
    if chain is None:
        raise TransitionNotAllowed(_("Nothing here awaits a decision."))
    rule = get_rule(chain.rule)
    steps = list(chain.steps.select_related("person").order_by("order"))
    step = next(s for s in steps if s.status == ApprovalStep.Status.PENDING)
    step.chain = chain
    require_actor(may_decide(by, step, rule), _("You are not the approver of this step."))
    step.status = ApprovalStep.Status.APPROVED if approve else ApprovalStep.Status.RETURNED
    step.decided_by, step.decided_at, step.reason = by, now(), reason
    step.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    reminders_cancel(target=step, kind=REMINDER_KIND)
    audit(
        actor=by,
        verb="approval.approved" if approve else "approval.returned",
        target=target,
        data={"subject": step.label, "reason": reason},
    )
    following = [s for s in steps if s.order > step.order]
    if approve and following:
        following[0].chain = chain
        _activate(following[0], rule=rule, by=by)
        return chain
    chain.status = ApprovalChain.Status.APPROVED if approve else ApprovalChain.Status.RETURNED
    chain.finished_at = now()
    chain.save(update_fields=["status", "finished_at"])
    if not approve:
        ApprovalStep.objects.filter(chain=chain, status=ApprovalStep.Status.WAITING).update(
            status=ApprovalStep.Status.CANCELLED
        )
    callback = rule.on_approved if approve else rule.on_returned
    if callback is not None:
        extra = {} if approve else {"reason": reason}
        callback(target, by=by, chain=chain, **extra)
    return chain


@transaction.atomic
def approval_cancel(*, target, by) -> ApprovalChain | None:
    """Withdraw the record's pending chain (the record was cancelled); no callback runs."""
    chain = (
        chains_of(target).select_for_update().filter(status=ApprovalChain.Status.PENDING).first()
    )
    if chain is None:
        return None
    for step in chain.steps.filter(status=ApprovalStep.Status.PENDING):
        reminders_cancel(target=step, kind=REMINDER_KIND)
    chain.steps.filter(
        status__in=[ApprovalStep.Status.PENDING, ApprovalStep.Status.WAITING]
    ).update(status=ApprovalStep.Status.CANCELLED)
    chain.status, chain.finished_at = ApprovalChain.Status.CANCELLED, now()
    chain.save(update_fields=["status", "finished_at"])
    audit(actor=by, verb="approval.cancelled", target=target)
    return chain


def still_due(reminder) -> bool:
    """A step's reminder is sent only while the step still waits."""
    return ApprovalStep.objects.filter(
        pk=reminder.target_id, status=ApprovalStep.Status.PENDING
    ).exists()
