"""Approval rules: a requisition (领用) by the requester's department head; a purchase
(采购) by the seeds' three levels, as duty spending above its limits: the head of the
requester's department, finance, then the head of the organisation (the director)."""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

REQUISITION = "supplies.requisition"
PURCHASE = "supplies.purchase"


def requisition_steps(requisition) -> list[Step]:
    return [Step.department_head(requisition.requested_by)]


def purchase_steps(purchase) -> list[Step]:
    return [
        Step.department_head(purchase.requested_by),
        Step.of_role("finance"),
        Step.of_role("director", label=_("Head of the organisation")),
    ]


def _call(name):
    def run(record, **kwargs):
        from supplies import services

        return getattr(services, name)(record, **kwargs)

    return run


approvals.register_rule(
    approvals.Rule(
        key=REQUISITION,
        steps_for=requisition_steps,
        on_approved=_call("requisition_chain_approved"),
        on_returned=_call("requisition_chain_returned"),
        title=_call("requisition_title"),
        notify_kind="supplies.requisition_approval",
        todo_key="supplies.requisitions_to_approve",
        todo_label=_("Requisitions to approve"),
    )
)
approvals.register_rule(
    approvals.Rule(
        key=PURCHASE,
        steps_for=purchase_steps,
        on_approved=_call("purchase_chain_approved"),
        on_returned=_call("purchase_chain_returned"),
        title=_call("purchase_title"),
        notify_kind="supplies.purchase_approval",
        todo_key="supplies.purchases_to_approve",
        todo_label=_("Purchase requests to approve"),
    )
)
