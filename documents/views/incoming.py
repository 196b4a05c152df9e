"""Incoming documents (收文): list, register, page, workflow steps, PDF, attachments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.views.actions import action

from .. import permissions as can
from .. import selectors, services
from ..forms import (
    AccessGrantForm,
    AttachmentForm,
    CompleteForm,
    FilterForm,
    IncomingRegisterForm,
    InstructionForm,
    ProposalForm,
    ReadForm,
    ReasonForm,
    ResultForm,
)
from ..models import IncomingDocument
from .common import (
    document_attachment,
    document_pdf,
    form_action,
    page_or_partial,
)


def _document(request, pk: int) -> IncomingDocument:
    return get_object_or_404(selectors.incoming_for(request.user), pk=pk)


def incoming_list(request):
    form = FilterForm(request.GET or None, statuses=IncomingDocument.Status.choices)
    filters = form.filters() if request.GET else {}
    return page_or_partial(
        request,
        "documents/incoming_list.html",
        "documents/partials/_incoming_rows.html",
        {"form": form, "can_register": can.can_register(request.user)},
        lambda: selectors.incoming_list(request.user, filters),
    )


def incoming_register(request):
    form = IncomingRegisterForm(request.POST or None, request.FILES or None)
    return action(
        request,
        allowed=can.can_register(request.user),
        form=form,
        perform=lambda data: services.incoming_register(
            by=request.user, data=data, uploads=data["attachments"], access_list=data["access"]
        ),
        success=lambda document: _("Registered as %(number)s.") % {"number": document.number},
        redirect_to=lambda document: document,
        page=lambda form: render(request, "documents/incoming_form.html", {"form": form}),
    )


def incoming_detail(request, pk: int):
    document = _document(request, pk)
    services.record_opening(user=request.user, document=document, what="page")
    circulations = list(document.circulations.select_related("reader", "reader__department"))
    my_slip = next((c for c in circulations if c.reader_id == request.user.pk), None)
    context = {
        "document": document,
        "instructions": can.instruction_rows(document),
        "circulations": circulations,
        # Not "unread_count": that is the header's notification badge (context processor).
        "unread_readers": sum(1 for c in circulations if c.read_at is None),
        "my_slip": my_slip,
        "read_form": ReadForm() if my_slip and my_slip.read_at is None else None,
        "attachments": document.attachments.select_related("uploaded_by"),
        "co_handlers": document.co_handlers.all(),
        "access_list": document.access_list.all() if document.is_restricted else (),
        "access_logs": (
            document.access_logs.select_related("user")[:50]
            if can.can_see_access_log(request.user) and document.is_restricted
            else ()
        ),
        "archive": getattr(document, "archive_record", None),
        "can": _incoming_perms(request.user, document),
    }
    return render(request, "documents/incoming_detail.html", context)


def _incoming_perms(user, document) -> dict:
    return {
        "propose": can.can_propose(user, document),
        "instruct": can.can_instruct(user, document),
        "circulate": can.can_circulate(user, document),
        "chase": can.can_chase(user, document),
        "result": can.can_report_result(user, document),
        "complete": can.can_complete(user, document),
        "return": can.can_return_incoming(user, document),
        "archive": can.can_archive(user, document),
        "attach": can.can_add_incoming_attachment(user, document),
        "access": can.can_manage_access(user, document),
    }


def incoming_propose(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_propose(request.user, document),
        done=can.step_done("propose", request.user, document),
        form_class=ProposalForm,
        title=_("Propose handling"),
        success=_("Proposal saved and submitted to the leaders."),
        perform=lambda data: services.incoming_propose(
            document_id=document.pk,
            by=request.user,
            proposal=data["proposal"],
            leaders=data["leaders"],
            together=data["together"],
        ),
    )


def incoming_instruct(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_instruct(request.user, document),
        done=can.step_done("instruct", request.user, document),
        form_class=InstructionForm,
        title=_("Instruct"),
        success=_("Instruction given."),
        perform=lambda data: services.incoming_instruct(
            document_id=document.pk,
            by=request.user,
            instruction=data["instruction"],
            lead_handler=data["lead_handler"],
            co_handlers=list(data["co_handlers"]),
            due=data["due"],
            create_task=data["create_task"],
        ),
    )


def incoming_circulate(request, pk: int):
    document = _document(request, pk)
    if not can.can_circulate(request.user, document):
        raise PermissionDenied
    from ..forms import ReaderFormSet

    formset = ReaderFormSet(request.POST or None, prefix="readers")
    error = None
    if request.method == "POST" and formset.is_valid():
        try:
            services.circulation_send(
                document_id=document.pk, by=request.user, readers=formset.readers()
            )
        except DomainError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Circulated."))
            return redirect(document)
    return render(
        request,
        "documents/circulate_form.html",
        {"formset": formset, "target": document, "error": error},
    )


@require_POST
def incoming_read(request, pk: int):
    document = _document(request, pk)
    form = ReadForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(document)
    try:
        services.circulation_mark_read(
            document_id=document.pk, reader=request.user, comment=form.cleaned_data["comment"]
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Marked as read."))
    if request.htmx:
        circulations = document.circulations.select_related("reader", "reader__department")
        return render(
            request,
            "documents/partials/_circulation.html",
            {"document": document, "circulations": circulations, "messages_inline": True},
        )
    return redirect(document)


@require_POST
def incoming_chase(request, pk: int):
    document = _document(request, pk)
    return action(
        request,
        redirect_to=document,
        allowed=can.can_chase(request.user, document),
        success=_("The readers who have not read it were reminded."),
        perform=lambda data: services.circulation_chase(document_id=document.pk, by=request.user),
    )


def incoming_result(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_report_result(request.user, document),
        form_class=ResultForm,
        title=_("Report the handling result"),
        success=_("Result reported."),
        perform=lambda data: services.incoming_report_result(
            document_id=document.pk, by=request.user, result=data["result"]
        ),
    )


def incoming_complete(request, pk: int):
    document = _document(request, pk)
    unread = document.circulations.filter(read_at__isnull=True).select_related("reader")
    return form_action(
        request,
        target=document,
        allowed=can.can_complete(request.user, document),
        done=can.step_done("complete", request.user, document),
        form_class=CompleteForm,
        title=_("Complete"),
        success=_("Completed."),
        template="documents/complete_form.html",
        extra={"unread": unread},
        perform=lambda data: services.incoming_complete(
            document_id=document.pk, by=request.user, confirm_unread=data["confirm_unread"]
        ),
    )


def incoming_return(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_return_incoming(request.user, document),
        done=can.step_done("return", request.user, document),
        form_class=ReasonForm,
        title=_("Return the document"),
        success=_("Returned."),
        perform=lambda data: services.incoming_return(
            document_id=document.pk, by=request.user, reason=data["reason"]
        ),
    )


def incoming_attachment_add(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_add_incoming_attachment(request.user, document),
        form_class=AttachmentForm,
        title=_("Add an attachment"),
        success=_("Attachment added."),
        perform=lambda data: (
            services.incoming_attachment_add(
                document_id=document.pk, by=request.user, upload=data["file"]
            )
            and document
        ),
    )


def incoming_attachment(request, pk: int, attachment_pk: int):
    return document_attachment(
        request, document=_document(request, pk), attachment_pk=attachment_pk
    )


def incoming_pdf(request, pk: int):
    document = _document(request, pk)
    return document_pdf(
        request,
        document=document,
        template="documents/pdf/incoming_sheet.html",
        filename=f"收文处理单-{document.number}.pdf",
        context={
            "instructions": [
                row for row in can.instruction_rows(document) if row.status == "given"
            ],
            "circulations": document.circulations.select_related("reader"),
            "co_handlers": document.co_handlers.all(),
            "attachments": document.attachments.all(),
        },
    )


def access_grant(request, pk: int, kind: str = "incoming"):
    """The director adds someone to a secret / confidential document's access list."""
    scope = selectors.incoming_for if kind == "incoming" else selectors.outgoing_for
    document = get_object_or_404(scope(request.user), pk=pk)

    def perform(data):
        services.access_grant(document=document, user=data["user"], by=request.user)
        return document

    return form_action(
        request,
        target=document,
        allowed=can.can_manage_access(request.user, document),
        form_class=AccessGrantForm,
        title=_("Grant access"),
        success=_("Access granted."),
        perform=perform,
    )


@require_POST
def access_revoke(request, pk: int, user_pk: int, kind: str = "incoming"):
    """The director takes someone off a secret / confidential document's access list."""
    scope = selectors.incoming_for if kind == "incoming" else selectors.outgoing_for
    document = get_object_or_404(scope(request.user), pk=pk)
    person = get_object_or_404(document.access_list.all(), pk=user_pk)
    return action(
        request,
        redirect_to=document,
        allowed=can.can_manage_access(request.user, document),
        success=_("Access revoked."),
        perform=lambda data: services.access_revoke(
            document=document, user=person, by=request.user
        ),
    )
