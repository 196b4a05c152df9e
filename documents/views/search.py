"""Search across incoming, outgoing and notices, with filters; the access log."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .. import permissions as can
from .. import selectors
from ..forms import FilterForm
from ..models import IncomingDocument, OutgoingDocument
from .common import paginate

SCOPES = [
    ("all", _("All")),
    ("incoming", _("Incoming")),
    ("outgoing", _("Outgoing")),
    ("notices", _("Notices")),
]
PREVIEW = 10
COUNT_UP_TO = 1000  # a section's badge says "1000+" past this: no search counts every match


class SearchForm(FilterForm):
    scope = forms.ChoiceField(label=_("In"), choices=SCOPES, required=False)

    def __init__(self, data=None, **kwargs):
        statuses = {
            **dict(IncomingDocument.Status.choices),
            **dict(OutgoingDocument.Status.choices),
        }
        super().__init__(data, statuses=list(statuses.items()), **kwargs)


def search(request):
    """Each kind of record is counted once (up to COUNT_UP_TO) and its first rows fetched once:
    neither the number of queries nor their cost grows with the number of documents."""
    form = SearchForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    scope = filters.get("scope") or "all"
    has_query = any(filters.get(k) for k in ("q", "kind", "status", "security_level", "year"))
    sections = []
    if has_query:
        queries = {
            "incoming": (_("Incoming"), lambda: selectors.incoming_list(request.user, filters)),
            "outgoing": (_("Outgoing"), lambda: selectors.outgoing_list(request.user, filters)),
        }
        if not filters.get("kind") and not filters.get("security_level"):
            queries["notices"] = (
                _("Notices"),
                lambda: selectors.notice_list(request.user, filters),
            )
        for key, (label, make) in queries.items():
            if scope not in ("all", key):
                continue
            if scope == key:
                page = paginate(request, make())
                sections.append(
                    {
                        "key": key,
                        "label": label,
                        "rows": page,
                        "count": page.paginator.count,
                        "more": not page.paginator.count_exact,
                        "page": page,
                    }
                )
            else:
                queryset = make()
                count = queryset[: COUNT_UP_TO + 1].count()
                rows = list(queryset[:PREVIEW]) if count else []
                sections.append(
                    {
                        "key": key,
                        "label": label,
                        "rows": rows,
                        "count": min(count, COUNT_UP_TO),
                        "more": count > COUNT_UP_TO,
                    }
                )
    return render(
        request,
        "documents/search.html",
        {
            "form": form,
            "sections": sections,
            "has_query": has_query,
            "scope": scope,
            "query": request.GET.copy(),
        },
    )


def access_log(request):
    if not can.can_see_access_log(request.user):
        raise PermissionDenied
    page = paginate(request, selectors.access_log_for(request.user), 50)
    return render(request, "documents/access_log.html", {"page": page})
