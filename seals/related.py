"""The seals panel on an outgoing document's page (office.related): where the document stands
with its seals, the requests the viewer may open, and 申请用印 once it is signed (签发)."""

from django.template.loader import render_to_string
from django.urls import reverse

from seals import selectors
from seals.models import SealRequest
from seals.permissions import may_request
from seals.services.requests import SEALABLE


def outgoing_panel(request, document) -> str:
    """Nothing (and no query) before 签发; the viewer already sees the document (its page)."""
    if document.status not in SEALABLE:
        return ""
    user = request.user
    state = selectors.document_seal_state(document)
    context = {
        "document": document,
        "state": state,
        "state_label": SealRequest.Status(state).label if state else "",
        "requests": list(
            selectors.requests_for(user).filter(document=document).order_by("-created_at")
        ),
        "request_url": (
            f"{reverse('seals:request_new')}?document={document.pk}" if may_request(user) else ""
        ),
    }
    return render_to_string("seals/partials/_document_panel.html", context, request=request)
