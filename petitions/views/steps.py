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


def _step(request, pk: int, *, allowed, service, success: str, form=None):
    """Scope (404), `allowed(user, petition)` (403), the form, then
    `service(petition_id=, by=, **cleaned_data)`; back to the petition with `success`."""
    petition = petition_or_404(request.user, pk)
    return action(
        request,
        allowed=allowed(request.user, petition),
        form=form(request.POST) if form is not None else None,
        perform=lambda data: service(petition_id=petition.pk, by=request.user, **data),
        success=success,
        redirect_to=petition,
    )


def _may_record_review(user, petition) -> bool:
    return permissions.is_staff(user) or permissions.is_director(user)


@require_POST
def accept(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        service=services.petition_accept,
        success=_("Accepted; print the notice for the petitioner."),
    )


@require_POST
def reject(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        form=RejectForm,
        service=services.petition_reject,
        success=_("Not accepted; print the notice for the petitioner."),
    )


@require_POST
def notice_sent(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        service=services.notice_record_sent,
        success=_("The notice is recorded as sent."),
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
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        form=AssignForm,
        service=services.petition_assign,
        success=_("Assigned; the department has been told."),
    )


@require_POST
def reply(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_reply,
        form=ReplyForm,
        service=services.petition_reply,
        success=_("Reply sent to the petition office."),
    )


@require_POST
def extension_request(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_request_extension,
        form=ExtensionForm,
        service=services.extension_request,
        success=_("Extension asked; the director decides."),
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
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        form=SatisfactionForm,
        service=services.satisfaction_record,
        success=_("The petitioner's satisfaction is recorded."),
    )


@require_POST
def review_request(request, pk: int):
    return _step(
        request,
        pk,
        allowed=permissions.may_decide,
        form=ReviewRequestForm,
        service=services.review_request,
        success=_("Review requested."),
    )


@require_POST
def review_record(request, pk: int):
    return _step(
        request,
        pk,
        allowed=_may_record_review,
        form=ReviewResultForm,
        service=services.review_record,
        success=_("The review's conclusion is recorded."),
    )
