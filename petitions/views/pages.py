"""Petition pages: the list, registration, the petition."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from office.approvals import get_rule
from office.pagination import paginate
from office.params import text_param
from office.services.approvals import current_step, may_decide
from office.views.actions import action

from .. import permissions, rules, selectors, services
from ..approvals import RULE
from ..forms import (
    AssignForm,
    DecisionForm,
    ExtensionForm,
    PetitionForm,
    RejectForm,
    ReplyForm,
    ReviewRequestForm,
    ReviewResultForm,
    SatisfactionForm,
)
from ..models import Extension, Petition


def petition_or_404(user, pk: int) -> Petition:
    return get_object_or_404(selectors.petitions_for(user), pk=pk)


def index(request):
    user = request.user
    if not selectors.has_petitions(user):
        raise Http404
    handling = not permissions.sees_all(user)  # a handling department: what awaits it first
    default = Petition.Status.ASSIGNED if handling else ""
    status = request.GET.get("status", default)
    if status not in Petition.Status.values:
        status = ""
    q = text_param(request, "q", max_length=100)
    petitions = selectors.petition_list_for(user, status=status, q=q)
    context = {
        "page": paginate(request, petitions, 30),
        "status": status,
        "q": q,
        "statuses": Petition.Status.choices,
        "categories": dict(rules.categories()),
        "personal": permissions.sees_personal_data(user),
        "handling": handling,
    }
    return render(request, "petitions/index.html", context)


def register(request):
    if not permissions.may_register(request.user):
        raise PermissionDenied
    form = PetitionForm(request.POST or None)
    return action(
        request,
        allowed=True,
        form=form,
        perform=lambda data: services.petition_register(data=form.to_data(), by=request.user),
        success=_("Registered; decide on acceptance within the days allowed."),
        redirect_to=lambda petition: petition,
        page=lambda form: render(request, "petitions/petition_form.html", {"form": form}),
    )


def detail(request, pk: int):
    user = request.user
    petition = petition_or_404(user, pk)
    extensions = list(selectors.extensions_of(petition))
    pending = next((e for e in extensions if e.status == Extension.Status.PENDING), None)
    step = current_step(pending) if pending else None
    context = {
        "petition": petition,
        "category": rules.category_label(petition.category),
        "personal": permissions.sees_personal_data(user),
        "masked": petition.masked(),
        "extensions": extensions,
        "pending_extension": pending,
        "can": {
            "accept": permissions.can_accept(user, petition),
            "notice": permissions.can_record_notice(user, petition),
            "assign": permissions.can_assign(user, petition),
            "reply": permissions.can_reply(user, petition),
            "extend": permissions.can_request_extension(user, petition) and pending is None,
            "decide_extension": pending is not None and may_decide(user, step, get_rule(RULE)),
            "satisfaction": permissions.can_record_satisfaction(user, petition),
            "review": permissions.can_request_review(user, petition)
            and petition.review_requested_at is None,
            "review_result": permissions.can_record_review(user, petition),
            "notice_pdf": permissions.is_staff(user) and petition.decided_at is not None,
        },
        "reject_form": RejectForm(),
        "assign_form": AssignForm(),
        "reply_form": ReplyForm(),
        "extension_form": ExtensionForm(),
        "satisfaction_form": SatisfactionForm(),
        "review_form": ReviewRequestForm(),
        "review_result_form": ReviewResultForm(),
        "decision_form": DecisionForm(),
    }
    return render(request, "petitions/petition_detail.html", context)
