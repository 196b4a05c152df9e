"""The approval rule of seal requests: each seal names its own chain (Seal.chain)."""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "seals.use"


def steps_for(request) -> list[Step]:
    from seals.models import Seal

    director = Step.of_role("director")
    chain = request.seal.chain
    if chain == Seal.Chain.DIRECTOR:
        return [director]
    head = Step.department_head(request.requested_by)
    steps = [head] if head.person is not None else []  # no head: the director alone decides
    if chain == Seal.Chain.HEAD_FINANCE_DIRECTOR:
        steps.append(Step.of_role("finance"))
    return [*steps, director]


def _approved(request, **kwargs) -> None:
    from seals.services.requests import request_chain_approved

    request_chain_approved(request, **kwargs)


def _returned(request, **kwargs) -> None:
    from seals.services.requests import request_chain_returned

    request_chain_returned(request, **kwargs)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        title=lambda request: str(_("Seal request: %(request)s") % {"request": request}),
        notify_kind="seals.request",
        todo_key="seals.requests_to_decide",
        todo_label=_("Seal requests to approve"),
    )
)


def register() -> None:
    """Called from ready() so the rule's to-do source exists: importing did the work."""
