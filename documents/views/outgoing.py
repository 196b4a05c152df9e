"""Outgoing documents (发文): list, draft, edit with versions, review, sign-off, issue, PDFs."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.gbt9704 import render_official
from office.middleware import same_origin_navigation
from office.views.actions import action

from .. import permissions as can
from .. import selectors, services
from ..forms import (
    CountersignerForm,
    CountersignForm,
    FilterForm,
    NoteForm,
    OutgoingForm,
    ReasonForm,
)
from ..models import OutgoingDocument
from .common import (
    already_done,
    document_attachment,
    document_pdf,
    form_action,
    page_or_partial,
)
from .official import outgoing_context


def _document(request, pk: int) -> OutgoingDocument:
    return get_object_or_404(selectors.outgoing_for(request.user), pk=pk)


def outgoing_list(request):
    form = FilterForm(request.GET or None, statuses=OutgoingDocument.Status.choices)
    filters = form.filters() if request.GET else {}
    return page_or_partial(
        request,
        "documents/outgoing_list.html",
        "documents/partials/_outgoing_rows.html",
        {"form": form, "can_draft": can.can_draft(request.user)},
        lambda: selectors.outgoing_list(request.user, filters),
    )


def _save_draft(request, form, document=None):
    data = form.cleaned_data
    kwargs = {
        "by": request.user,
        "data": data,
        "uploads": data["attachments"],
        "internal_recipients": list(data["internal_recipients"]),
        "countersign_departments": list(data["countersign_departments"]),
    }
    if document is None:
        return services.outgoing_create(**kwargs)
    return services.outgoing_update(document_id=document.pk, **kwargs)


def outgoing_create(request):
    form = OutgoingForm(request.POST or None, request.FILES or None)
    return action(
        request,
        allowed=can.can_draft(request.user),
        form=form,
        perform=lambda data: _save_draft(request, form),
        success=_("Draft saved."),
        redirect_to=lambda document: document,
        page=lambda form: render(request, "documents/outgoing_form.html", {"form": form}),
    )


def outgoing_edit(request, pk: int):
    document = _document(request, pk)
    form = OutgoingForm(request.POST or None, request.FILES or None, instance=document)
    return action(
        request,
        allowed=can.can_edit_outgoing(request.user, document),
        form=form,
        # The service reloads and locks the row: the form's instance is only the input.
        perform=lambda data: _save_draft(
            request, form, OutgoingDocument.objects.get(pk=document.pk)
        ),
        success=_("Draft saved."),
        redirect_to=document,
        page=lambda form: render(
            request, "documents/outgoing_form.html", {"form": form, "document": document}
        ),
    )


def outgoing_detail(request, pk: int):
    document = _document(request, pk)
    services.record_opening(user=request.user, document=document, what="page")
    if same_origin_navigation(request):  # a link on another site does not count as read
        services.distribution_mark_read(document=document, user=request.user)
    user = request.user
    countersigns = list(document.countersigns.select_related("department", "delegate", "signed_by"))
    for row in countersigns:
        row.can_sign = can.can_countersign(user, document, row)
        row.can_name = can.can_name_countersigner(user, document, row)
    context = {
        "document": document,
        "versions": document.versions.select_related("saved_by"),
        "attachments": document.attachments.select_related("uploaded_by"),
        "internal_recipients": document.internal_recipients.select_related("department"),
        "distributions": document.distributions.select_related("recipient"),
        "countersigns": countersigns,
        "access_list": document.access_list.all() if document.is_restricted else (),
        "access_logs": (
            document.access_logs.select_related("user")[:50]
            if can.can_see_access_log(user) and document.is_restricted
            else ()
        ),
        "archive": getattr(document, "archive_record", None),
        "note_form": NoteForm(),
        "can": {
            "edit": can.can_edit_outgoing(user, document),
            "submit": can.can_submit(user, document),
            "review": can.can_review(user, document),
            "sign": can.can_sign(user, document),
            "return": can.can_return_outgoing(user, document),
            "issue": can.can_issue(user, document),
            "archive": can.can_archive(user, document),
            "access": can.can_manage_access(user, document),
        },
    }
    return render(request, "documents/outgoing_detail.html", context)


def outgoing_version(request, pk: int, number: int):
    document = _document(request, pk)
    version = get_object_or_404(document.versions.select_related("saved_by"), number=number)
    return render(
        request, "documents/outgoing_version.html", {"document": document, "version": version}
    )


@require_POST
def outgoing_submit(request, pk: int):
    document = _document(request, pk)
    if can.step_done("submit", request.user, document):
        return already_done(request, document)
    return action(
        request,
        redirect_to=document,
        allowed=can.can_submit(request.user, document),
        success=_("Sent for review."),
        perform=lambda data: services.outgoing_submit(document_id=document.pk, by=request.user),
    )


def outgoing_review(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_review(request.user, document),
        done=can.step_done("review", request.user, document),
        form_class=NoteForm,
        title=_("Pass review"),
        success=_("Passed review."),
        perform=lambda data: services.outgoing_review(
            document_id=document.pk, by=request.user, note=data["note"]
        ),
    )


def outgoing_sign(request, pk: int):
    document = _document(request, pk)

    def perform(data):
        signed = services.outgoing_sign(document_id=document.pk, by=request.user, note=data["note"])
        messages.info(request, _("Number assigned: %(number)s") % {"number": signed.number})
        return signed

    return form_action(
        request,
        target=document,
        allowed=can.can_sign(request.user, document),
        done=can.step_done("sign", request.user, document),
        form_class=NoteForm,
        title=_("Sign off"),
        success=_("Signed off."),
        perform=perform,
    )


def outgoing_return(request, pk: int):
    document = _document(request, pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_return_outgoing(request.user, document),
        form_class=ReasonForm,
        title=_("Return to the drafter"),
        success=_("Returned to draft."),
        perform=lambda data: services.outgoing_return(
            document_id=document.pk, by=request.user, reason=data["reason"]
        ),
    )


@require_POST
def outgoing_issue(request, pk: int):
    document = _document(request, pk)
    if can.step_done("issue", request.user, document):
        return already_done(request, document)
    return action(
        request,
        redirect_to=document,
        allowed=can.can_issue(request.user, document),
        success=_issued_message,
        perform=lambda data: services.outgoing_issue(document_id=document.pk, by=request.user),
    )


def _issued_message(document) -> str:
    if document.distributions.exists():
        return _("Issued; the internal recipients have it in their inbox.")
    return _("Issued. No internal recipients were named, so it went to nobody's inbox.")


def outgoing_attachment(request, pk: int, attachment_pk: int):
    return document_attachment(
        request, document=_document(request, pk), attachment_pk=attachment_pk
    )


def outgoing_pdf(request, pk: int):
    """The document laid out after GB/T 9704-2012 in the format its kind calls for (下行文,
    上行文 for 请示/报告, 信函 for 函, 命令 for 令); a draft shows a 'draft' mark, no number."""
    document = _document(request, pk)
    return document_pdf(
        request,
        document=document,
        template="documents/pdf/outgoing.html",
        filename=f"{document.number or document.title}.pdf",
        context=lambda: outgoing_context(document),
        render=render_official,
    )


def outgoing_sheet_pdf(request, pk: int):
    """发文稿纸: the sign-off sheet with drafter, reviewer, signatory and their opinions."""
    document = _document(request, pk)
    return document_pdf(
        request,
        document=document,
        template="documents/pdf/signoff_sheet.html",
        filename=f"发文稿纸-{document.number or document.pk}.pdf",
        context={"countersigns": document.countersigns.select_related("department", "signed_by")},
    )


def _countersign_row(request, pk: int, row_pk: int):
    document = _document(request, pk)
    row = get_object_or_404(document.countersigns.select_related("department"), pk=row_pk)
    return document, row


def outgoing_countersign(request, pk: int, row_pk: int):
    """会签: the department's head (or the person named for it) signs with an opinion."""
    document, row = _countersign_row(request, pk, row_pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_countersign(request.user, document, row),
        done=can.step_done("countersign", request.user, document, row),
        form_class=CountersignForm,
        title=_("Countersign for %(department)s") % {"department": row.department.name},
        success=_("Countersigned."),
        perform=lambda data: (
            services.countersign_sign(
                document_id=document.pk,
                countersign_id=row.pk,
                by=request.user,
                opinion=data["opinion"],
            )
            and document
        ),
    )


def outgoing_countersigner(request, pk: int, row_pk: int):
    """The head names who in the department signs for it."""
    document, row = _countersign_row(request, pk, row_pk)
    return form_action(
        request,
        target=document,
        allowed=can.can_name_countersigner(request.user, document, row),
        form_class=CountersignerForm,
        form_kwargs={"department": row.department},
        title=_("Name who countersigns for %(department)s") % {"department": row.department.name},
        success=_("Named; they are asked to countersign."),
        perform=lambda data: (
            services.countersign_delegate(
                document_id=document.pk,
                countersign_id=row.pk,
                by=request.user,
                person=data["person"],
            )
            and document
        ),
    )
