"""用印申请: new, list, page, decide (the seal's chain), withdraw, apply; the files."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.selectors import outgoing_for
from office.errors import DomainError
from office.pagination import paginate
from office.params import int_param
from office.pdf import pdf_response
from office.services.approvals import current_step, may_decide
from office.uploads import open_stored, stored_file_response
from office.views.actions import action
from seals import permissions, selectors, services
from seals.forms import DecisionForm, RequestForm
from seals.services.requests import SEALABLE


def _sealable_documents(user):
    return outgoing_for(user).filter(status__in=SEALABLE).order_by("-signed_at", "-pk")[:200]


def request_list(request):
    requests = selectors.requests_for(request.user)
    status = request.GET.get("status", "")
    if status in {choice for choice, _label in requests.model.Status.choices}:
        requests = requests.filter(status=status)
    page = paginate(request, requests.order_by("-created_at", "-pk"), 30)
    return render(request, "seals/request_list.html", {"page": page, "status": status})


def request_new(request):
    documents = list(_sealable_documents(request.user))
    initial = {}
    chosen = int_param(request, "document", None, minimum=1)
    if chosen and any(d.pk == chosen for d in documents):
        initial["document"] = chosen
    form = RequestForm(
        request.POST or None, request.FILES or None, documents=documents, initial=initial
    )

    def perform(data):
        document = next((d for d in documents if d.pk == data["document"]), None)
        if data["document"] and document is None:
            raise DomainError(_("That document is not one you can see."))
        return services.request_create(
            by=request.user,
            seal=data["seal"],
            purpose=data["purpose"],
            copies=data["copies"],
            document=document,
            upload=data["upload"] or None,
        )

    return action(
        request,
        allowed=permissions.may_request(request.user),
        form=form,
        perform=perform,
        success=_("Seal request sent for approval."),
        redirect_to=lambda seal_request: seal_request,
        page=lambda form: render(
            request, "seals/request_form.html", {"form": form, "documents": documents}
        ),
    )


def _request(request, pk):
    return get_object_or_404(selectors.requests_for(request.user), pk=pk)


def request_detail(request, pk):
    seal_request = _request(request, pk)
    user = request.user
    step = current_step(seal_request) if seal_request.status == "pending" else None
    use = getattr(seal_request, "use", None) if seal_request.status == "used" else None
    return render(
        request,
        "seals/request_detail.html",
        {
            "req": seal_request,
            "use": use,
            "can_decide": may_decide(user, step),
            "can_apply": permissions.can_apply(user, seal_request),
            "can_cancel": permissions.can_cancel(user, seal_request),
            "form": DecisionForm(),
        },
    )


@require_POST
def request_decide(request, pk, decision):
    if decision not in ("approve", "return"):
        raise Http404
    seal_request = _request(request, pk)
    step = current_step(seal_request)
    approve = decision == "approve"

    def perform(data):
        if approve:
            return services.request_approve(
                request_id=seal_request.pk, by=request.user, reason=data["reason"]
            )
        return services.request_return(
            request_id=seal_request.pk, by=request.user, reason=data["reason"]
        )

    return action(
        request,
        allowed=may_decide(request.user, step),
        form=DecisionForm(request.POST),
        perform=perform,
        success=_("Approved.") if approve else _("Returned to the requester."),
        redirect_to=seal_request,
    )


@require_POST
def request_cancel(request, pk):
    seal_request = _request(request, pk)
    return action(
        request,
        allowed=permissions.may_cancel(request.user, seal_request),
        perform=lambda data: services.request_cancel(request_id=seal_request.pk, by=request.user),
        success=_("Request withdrawn."),
        redirect_to=seal_request,
    )


@require_POST
def request_apply(request, pk):
    seal_request = _request(request, pk)
    return action(
        request,
        allowed=permissions.may_apply(request.user, seal_request),
        perform=lambda data: services.request_apply(request_id=seal_request.pk, by=request.user),
        success=_("Sealed and logged."),
        redirect_to=seal_request,
    )


def sealed_pdf(request, pk):
    """The sealed and signed PDF of the one approved use (stored; made once, when sealed)."""
    seal_request = _request(request, pk)
    use = getattr(seal_request, "use", None)
    if use is None or not use.sealed_pdf:
        raise Http404
    with open_stored(use.sealed_pdf) as handle:
        pdf = handle.read()
    document = seal_request.document
    name = f"{document.number or document.title}（盖章）.pdf"
    return pdf_response(pdf, name, download=True)


def request_upload(request, pk):
    """The file a paper use was asked for: whoever may see the request (scoped above)."""
    seal_request = _request(request, pk)
    if not seal_request.upload:
        raise Http404
    return stored_file_response(seal_request.upload, seal_request.upload_name)
