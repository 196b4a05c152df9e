"""The seals panel on the home page: for the custodians and the director, the seals that are
out on loan (overdue ones first and marked)."""

from django.template.loader import render_to_string
from django.utils.timezone import now

from seals import selectors
from seals.models import SealLoan
from seals.permissions import is_director, is_keeper


def home_panel(request) -> str:
    """Empty (and no query) for everyone but custodians and the director."""
    user = request.user
    if not (is_keeper(user) or is_director(user)):
        return ""
    loans = list(
        selectors.loans_for(user).filter(status=SealLoan.Status.OUT).order_by("due_back")[:10]
    )
    if not loans:
        return ""
    return render_to_string(
        "seals/partials/_home_panel.html", {"loans": loans, "now": now()}, request=request
    )
