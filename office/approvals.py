"""Approval rules, declared in code by the app that owns the record.

    approvals.register_rule(approvals.Rule(
        key="duty.spending",
        steps_for=lambda spend: [Step(_("Shift leader"), person=leader), Step.of_role("director")],
        on_approved=_spend_approved,          # (record, *, by, chain) -> None
        on_returned=_spend_returned,          # (record, *, by, reason, chain) -> None
        todo_key="duty.spending_to_decide", todo_label=_("Duty spending to approve"),
    ))

The app's service starts a chain with `office.services.approvals.approval_start(...)` and
decides with `approval_decide(...)`; the chain checks the actor, audits, notifies and
reminds; the callbacks run in the same transaction and make the app's own transition.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from office import todo


@dataclass(frozen=True)
class Step:
    """A level of a chain: a named person, anyone with a role, or either (person or role)."""

    label: object
    role: str = ""
    person: object = None

    @classmethod
    def of_role(cls, role: str, label=None) -> "Step":
        from office.roles import Role

        return cls(label=label or Role(role).label, role=role)

    @classmethod
    def department_head(cls, user, *, fallback_role: str = "director") -> "Step":
        """The head of `user`'s department (or of the nearest parent that has one); if none
        is set, anyone with `fallback_role`."""
        department = getattr(user, "department", None)
        while department is not None:
            if department.head_id and department.head_id != user.pk:
                return cls(label=_("Head of department"), person=department.head)
            department = department.parent
        return cls.of_role(fallback_role, label=_("Head of department"))


@dataclass(frozen=True)
class Rule:
    key: str  # "duty.spending"
    steps_for: Callable[[object], list[Step]]  # record -> the steps, chosen e.g. by amount
    on_approved: Callable[..., None] | None = None  # (record, *, by, chain)
    on_returned: Callable[..., None] | None = None  # (record, *, by, reason, chain)
    title: Callable[[object], str] = str  # what the approvers' inbox shows
    url: Callable[[object], str] = field(default=lambda record: record.get_absolute_url())
    notify_kind: str = ""  # the notification kind; default "approval.<key>"
    requester_may_decide: bool = False  # may the requester decide a step of their own chain?
    todo_key: str = ""  # to-do source key; default "approval.<key>"
    todo_label: object = None  # the inbox heading; no label, no to-do source

    @property
    def kind(self) -> str:
        return self.notify_kind or f"approval.{self.key}"


_rules: dict[str, Rule] = {}


def register_rule(rule: Rule) -> Rule:
    """Declare a rule (in `<app>/approvals.py`, at import); with `todo_label`, also a to-do
    source listing the steps awaiting each approver (then import the module in ready())."""
    from office.services.approvals import REMINDER_KIND, still_due
    from office.services.reminders import register_reminder_kind

    register_reminder_kind(REMINDER_KIND, still_due)  # a decided step's reminder is dropped
    _rules[rule.key] = rule
    if rule.todo_label is not None:
        todo.register(
            todo.TodoSource(
                key=rule.todo_key or f"approval.{rule.key}",
                bucket=todo.TODO,
                label=rule.todo_label,
                queryset=lambda user, key=rule.key: steps_awaiting(user, rule=key),
                date_field="activated_at",
            )
        )
    return rule


def get_rule(key: str) -> Rule:
    """The rule; an app's `<app>/approvals.py` that registers at import is loaded on demand."""
    if key not in _rules:
        from importlib import import_module

        import_module(f"{key.split('.', 1)[0]}.approvals")
    return _rules[key]


def steps_awaiting(user, *, rule: str | None = None):
    """The pending steps `user` may decide (as the named person or by role)."""
    from office.models import ApprovalStep

    if not (user and user.is_authenticated and user.is_active):
        return ApprovalStep.objects.none()
    from django.db.models import Q

    steps = ApprovalStep.objects.filter(
        Q(person=user) | Q(role__in=sorted(user.role_names())),
        status=ApprovalStep.Status.PENDING,
    ).select_related("chain")
    if rule is not None:
        steps = steps.filter(chain__rule=rule)
        if not get_rule(rule).requester_may_decide:
            steps = steps.exclude(chain__requested_by=user)
    else:
        own = [key for key, r in _rules.items() if not r.requester_may_decide]
        steps = steps.exclude(chain__requested_by=user, chain__rule__in=own)
    return steps
