"""The steps of a petition (POST), and the acceptance notice PDF."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.approvals import get_rule
from office.pdf import pdf_response, render_pdf
from office.services.approvals import approval_decide, current_step, may_decide
from office.views.actions import action

from .. import permissions, rules, services
from ..approvals import RULE
from ..forms import (
    AssignForm,
    DecisionForm,
    ExtensionForm,
    RejectForm,
    ReplyForm,
    ReviewRequestForm,
    ReviewResultForm,
    SatisfactionForm,
)
from ..models import Extension, Petition
from .pages import petition_or_404


@require_POST
def accept(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        perform=lambda data: services.petition_accept(petition_id=petition.pk, by=request.user),
        success=_("Accepted; print the notice for the petitioner."),
        redirect_to=petition,
    )


@require_POST
def reject(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        form=RejectForm(request.POST),
        perform=lambda data: services.petition_reject(
            petition_id=petition.pk, by=request.user, reason=data["reason"]
        ),
        success=_("Not accepted; print the notice for the petitioner."),
        redirect_to=petition,
    )


@require_POST
def notice_sent(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        perform=lambda data: services.notice_record_sent(petition_id=petition.pk, by=request.user),
        success=_("The notice is recorded as sent."),
        redirect_to=petition,
    )


def notice_pdf(request, pk: int):
    """受理告知书 or 不予受理告知书, in Chinese whatever the viewer's language."""
    petition = petition_or_404(request.user, pk)
    if not permissions.is_staff(request.user):
        raise PermissionDenied
    if petition.decided_at is None:
        raise PermissionDenied
    accepted = petition.status != Petition.Status.REJECTED
    context = {
        "petition": petition,
        "accepted": accepted,
        "category": rules.category_label(petition.category),
        "handle_days": rules.handle_days(),
        "organisation_name": settings.ORGANISATION_NAME,
    }
    name = "受理告知书" if accepted else "不予受理告知书"
    return pdf_response(render_pdf("petitions/pdf/notice.html", context), f"{name}.pdf")


@require_POST
def assign(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        form=AssignForm(request.POST),
        perform=lambda data: services.petition_assign(
            petition_id=petition.pk, by=request.user, **data
        ),
        success=_("Assigned; the department has been told."),
        redirect_to=petition,
    )


@require_POST
def reply(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_reply(request.user, petition),
        form=ReplyForm(request.POST),
        perform=lambda data: services.petition_reply(
            petition_id=petition.pk, by=request.user, reply=data["reply"]
        ),
        success=_("Reply sent to the petition office."),
        redirect_to=petition,
    )


@require_POST
def extension_request(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_request_extension(request.user, petition),
        form=ExtensionForm(request.POST),
        perform=lambda data: services.extension_request(
            petition_id=petition.pk, by=request.user, **data
        ),
        success=_("Extension asked; the director decides."),
        redirect_to=petition,
    )


@require_POST
def extension_decide(request, pk: int, approve: int):
    petition = petition_or_404(request.user, pk)
    pending = petition.extensions.filter(status=Extension.Status.PENDING).first()
    step = current_step(pending) if pending else None
    return action(
        request,
        allowed=pending is not None and may_decide(request.user, step, get_rule(RULE)),
        form=DecisionForm(request.POST),
        perform=lambda data: approval_decide(
            target=pending, by=request.user, approve=bool(approve), reason=data["reason"]
        ),
        success=_("Extension approved.") if approve else _("Extension refused."),
        redirect_to=petition,
    )


@require_POST
def satisfaction(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        form=SatisfactionForm(request.POST),
        perform=lambda data: services.satisfaction_record(
            petition_id=petition.pk, by=request.user, satisfaction=data["satisfaction"]
        ),
        success=_("The petitioner's satisfaction is recorded."),
        redirect_to=petition,
    )


@require_POST
def review_request(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.may_decide(request.user, petition),
        form=ReviewRequestForm(request.POST),
        perform=lambda data: services.review_request(
            petition_id=petition.pk, by=request.user, reason=data["reason"]
        ),
        success=_("Review requested."),
        redirect_to=petition,
    )


@require_POST
def review_record(request, pk: int):
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=permissions.is_staff(request.user) or permissions.is_director(request.user),
        form=ReviewResultForm(request.POST),
        perform=lambda data: services.review_record(
            petition_id=petition.pk, by=request.user, result=data["result"]
        ),
        success=_("The review's conclusion is recorded."),
        redirect_to=petition,
    )
