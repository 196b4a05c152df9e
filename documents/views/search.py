"""Search across incoming, outgoing and notices, with filters; the access log."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from office import datacache

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
    neither the number of queries nor their cost grows with the number of documents. The
    results are kept until the next write or the next minute (office.datacache)."""
    form = SearchForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    scope = filters.get("scope") or "all"
    has_query = any(filters.get(k) for k in ("q", "kind", "status", "security_level", "year"))
    context = {"form": form, "has_query": has_query, "results": ""}
    if has_query:
        results = datacache.rendered(
            request,
            f"documents.search?{request.GET.urlencode()}",
            "documents/partials/_search_results.html",
            lambda: {
                "sections": _sections(request, filters, scope),
                "scope": scope,
                "query": request.GET.copy(),
            },
        )
        context["results"] = results
    return render(request, "documents/search.html", context)


def _sections(request, filters: dict, scope: str) -> list[dict]:
    queries = {
        "incoming": (_("Incoming"), lambda: selectors.incoming_list(request.user, filters)),
        "outgoing": (_("Outgoing"), lambda: selectors.outgoing_list(request.user, filters)),
    }
    if not filters.get("kind") and not filters.get("security_level"):
        queries["notices"] = (_("Notices"), lambda: selectors.notice_list(request.user, filters))
    sections = []
    for key, (label, make) in queries.items():
        if scope not in ("all", key):
            continue
        if scope == key:
            page = paginate(request, make())
            more = not page.paginator.count_exact
            sections.append(
                {"key": key, "label": label, "rows": page, "count": page.paginator.count}
                | {"more": more, "page": page}
            )
        else:
            queryset = make()
            # Counted unordered: the ranking does not change how many match.
            count = queryset.order_by()[: COUNT_UP_TO + 1].count()
            rows = list(queryset[:PREVIEW]) if count else []
            sections.append(
                {"key": key, "label": label, "rows": rows, "count": min(count, COUNT_UP_TO)}
                | {"more": count > COUNT_UP_TO}
            )
    return sections


def access_log(request):
    if not can.can_see_access_log(request.user):
        raise PermissionDenied
    page = paginate(request, selectors.access_log_for(request.user), 50)
    return render(request, "documents/access_log.html", {"page": page})
