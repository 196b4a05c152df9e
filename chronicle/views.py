"""Pages: the year's 大事记 (page and PDF), suggestions to review, entries by hand."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.params import int_param
from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from . import permissions as perms
from . import selectors, services
from .forms import DiscardForm, EntryForm
from .models import Entry


def _year(request) -> int:
    return int_param(request, "year", timezone.localdate().year, minimum=1949, maximum=2999)


def _year_url(year: int, entry: Entry | None = None) -> str:
    anchor = f"#entry-{entry.pk}" if entry else ""
    return reverse("chronicle:index") + f"?year={year}{anchor}"


def index(request):
    year = _year(request)
    manages = perms.may_manage(request.user)
    return render(
        request,
        "chronicle/year.html",
        {
            "year": year,
            "previous": year - 1,
            "next": year + 1,
            "this_year": timezone.localdate().year,
            "months": selectors.year_months(year),
            "manages": manages,
            "waiting": selectors.suggestions_awaiting(request.user).count() if manages else 0,
        },
    )


def year_pdf(request):
    year = _year(request)
    with translation.override("zh-hans"):  # the chronicle is kept in Chinese
        pdf = render_pdf(
            "chronicle/pdf/year.html", {"year": year, "months": selectors.year_months(year)}
        )
    return pdf_response(pdf, f"大事记{year}.pdf")


def suggestions(request):
    if not perms.may_manage(request.user):
        raise PermissionDenied
    rows = selectors.suggestions_awaiting(request.user)
    return render(request, "chronicle/suggestions.html", {"suggestions": rows})


def entry(request, pk):
    """One entry: a suggestion to accept (with edits) or discard, an accepted one to correct."""
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    if not perms.may_manage(request.user):
        return render(request, "chronicle/entry.html", {"entry": entry, "form": None})
    form = EntryForm(request.POST or None, initial=EntryForm.initial_from(entry))

    def page(form):
        return render(
            request,
            "chronicle/entry.html",
            {"entry": entry, "form": form, "discard_form": DiscardForm()},
        )

    if entry.status == Entry.Status.SUGGESTED:
        perform = lambda data: services.suggestion_accept(  # noqa: E731
            entry_id=entry.pk, by=request.user, **data
        )
        success = _("Accepted into the chronicle.")
    else:
        perform = lambda data: services.entry_update(  # noqa: E731
            entry_id=entry.pk, by=request.user, **data
        )
        success = _("Saved.")
    return action(
        request,
        allowed=perms.may_manage(request.user),
        form=form,
        page=page,
        perform=perform,
        success=success,
        redirect_to=lambda saved: _year_url(saved.date.year, saved),
    )


@require_POST
def discard(request, pk):
    entry = get_object_or_404(selectors.entries_for(request.user), pk=pk)
    return action(
        request,
        allowed=perms.may_manage(request.user),
        form=DiscardForm(request.POST),
        perform=lambda data: services.suggestion_discard(
            entry_id=entry.pk, by=request.user, reason=data.get("reason", "")
        ),
        success=_("Suggestion discarded."),
        redirect_to=reverse("chronicle:suggestions"),
    )


def entry_create(request):
    if not perms.may_manage(request.user):
        raise PermissionDenied
    form = EntryForm(request.POST or None, initial={"date": timezone.localdate()})
    return action(
        request,
        allowed=True,
        form=form,
        page=lambda form: render(request, "chronicle/entry.html", {"entry": None, "form": form}),
        perform=lambda data: services.entry_create(by=request.user, **data),
        success=_("Entry added to the chronicle."),
        redirect_to=lambda saved: _year_url(saved.date.year, saved),
    )
