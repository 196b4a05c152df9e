"""外借: lend a seal out (custodian), the loans, confirm the return (custodian)."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.pagination import paginate
from office.views.actions import action
from seals import permissions, selectors, services
from seals.forms import LoanForm, ReturnForm


def loan_list(request):
    loans = selectors.loans_for(request.user)
    return render(request, "seals/loan_list.html", {"page": paginate(request, loans, 30)})


def loan_new(request, pk):
    seal = get_object_or_404(selectors.seals_for(request.user), pk=pk)
    return action(
        request,
        allowed=permissions.may_lend(request.user, seal),
        form=LoanForm(request.POST or None),
        perform=lambda data: services.loan_lend(seal_id=seal.pk, by=request.user, **data),
        success=_("Loan recorded; the borrower is reminded when it is due back."),
        redirect_to=lambda loan: loan,
        page=lambda form: render(
            request,
            "seals/form_page.html",
            {"form": form, "heading": _("Lend out %(seal)s") % {"seal": seal}, "back": seal},
        ),
    )


def loan_detail(request, pk):
    loan = get_object_or_404(selectors.loans_for(request.user), pk=pk)
    return render(
        request,
        "seals/loan_detail.html",
        {
            "loan": loan,
            "can_return": permissions.can_confirm_return(request.user, loan),
            "form": ReturnForm(),
        },
    )


@require_POST
def loan_return(request, pk):
    loan = get_object_or_404(selectors.loans_for(request.user), pk=pk)
    return action(
        request,
        allowed=permissions.may_confirm_return(request.user, loan),
        form=ReturnForm(request.POST),
        perform=lambda data: services.loan_return(
            loan_id=loan.pk, by=request.user, note=data["note"]
        ),
        success=_("Return confirmed."),
        redirect_to=loan,
    )
