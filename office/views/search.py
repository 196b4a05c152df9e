"""The portal search page: the header's box lands here."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from office import search as registry
from office.params import text_param


def portal_search(request):
    """Each kind counts once (bounded) and fetches its first rows once: two queries a kind."""
    term = text_param(request, "q", max_length=registry.MAX_LENGTH).strip()
    sections = []
    if term and len(term) < registry.MIN_LENGTH:
        messages.warning(
            request,
            _("Type at least %(count)d characters to search.") % {"count": registry.MIN_LENGTH},
        )
    elif term:
        sections = registry.search(request.user, term)
        for section in sections:
            section.link = registry.list_link(section.kind, term)
    return render(
        request,
        "office/search.html",
        {
            "term": term,
            "sections": sections,
            "total": sum(s.count for s in sections),
            "searched": bool(sections) or len(term) >= registry.MIN_LENGTH,
        },
    )
