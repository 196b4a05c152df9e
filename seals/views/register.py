"""The seal register: list (everyone), a seal's page, the director's edits and image upload."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.views.actions import action
from seals import permissions, selectors, services
from seals.forms import RetireForm, SealForm, SealImageForm
from seals.models import SealLoan, SealRequest


def index(request):
    user = request.user
    seals = selectors.seals_for(user).annotate(
        pending=Count("sealrequest", filter=Q(sealrequest__status=SealRequest.Status.PENDING))
    )
    return render(
        request,
        "seals/index.html",
        {
            "seals": seals,
            "can_manage": permissions.may_manage_seals(user),
            "can_see_uses": permissions.may_see_uses(user),
        },
    )


def seal_detail(request, pk):
    seal = get_object_or_404(selectors.seals_for(request.user), pk=pk)
    user = request.user
    loans = []
    if permissions.may_lend(user, seal):
        loans = list(selectors.loans_for(user).filter(seal=seal)[:10])
    open_loan = next((loan for loan in loans if loan.status == SealLoan.Status.OUT), None)
    return render(
        request,
        "seals/seal_detail.html",
        {
            "seal": seal,
            "can_manage": permissions.may_manage_seals(user),
            "can_lend": permissions.can_lend(user, seal),
            "loans": loans,
            "open_loan": open_loan,
            "image_form": SealImageForm(),
            "retire_form": RetireForm(),
        },
    )


def seal_create(request):
    if not permissions.may_manage_seals(request.user):
        raise PermissionDenied
    form = SealForm(request.POST or None)
    return action(
        request,
        allowed=True,
        form=form,
        perform=lambda data: services.seal_create(by=request.user, **data),
        success=_("Seal added to the register."),
        redirect_to=lambda seal: seal,
        page=lambda form: render(
            request, "seals/form_page.html", {"form": form, "heading": _("New seal")}
        ),
    )


def seal_edit(request, pk):
    seal = get_object_or_404(selectors.seals_for(request.user), pk=pk)
    form = SealForm(request.POST or None, instance=seal)
    return action(
        request,
        allowed=permissions.may_manage_seals(request.user),
        form=form,
        perform=lambda data: services.seal_update(seal_id=seal.pk, by=request.user, **data),
        success=_("Seal updated."),
        redirect_to=seal,
        page=lambda form: render(
            request, "seals/form_page.html", {"form": form, "heading": seal.name, "back": seal}
        ),
    )


@require_POST
def seal_image(request, pk):
    seal = get_object_or_404(selectors.seals_for(request.user), pk=pk)
    return action(
        request,
        allowed=permissions.may_manage_seals(request.user),
        form=SealImageForm(request.POST, request.FILES),
        perform=lambda data: services.seal_image_set(
            seal_id=seal.pk, by=request.user, data=data["image"].read()
        ),
        success=_("Seal image stored. It is used only through approved requests."),
        redirect_to=seal,
    )


@require_POST
def seal_retire(request, pk):
    seal = get_object_or_404(selectors.seals_for(request.user), pk=pk)
    return action(
        request,
        allowed=permissions.may_manage_seals(request.user),
        form=RetireForm(request.POST),
        perform=lambda data: services.seal_retire(
            seal_id=seal.pk, by=request.user, reason=data["reason"]
        ),
        success=_("Seal retired."),
        redirect_to=seal,
    )
