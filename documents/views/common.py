"""Helpers every documents view uses: form actions, POST actions, pages, PDFs, attachments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from office.errors import DomainError
from office.pagination import paginate as office_paginate
from office.pdf import pdf_response, render_pdf
from office.uploads import attachment_response

from ..services import record_opening

PER_PAGE = 25


def paginate(request, queryset, per_page: int = PER_PAGE):
    """A page of the queryset: one bounded COUNT and one page query, whatever the table size."""
    return office_paginate(request, queryset, per_page)


def page_or_partial(request, template: str, partial: str, context: dict):
    """htmx requests (filters, paging) get only the rows; others the whole page."""
    return render(request, partial if request.htmx else template, context)


def form_action(
    request,
    *,
    target,
    allowed: bool,
    form_class,
    title,
    perform,
    success,
    form_kwargs=None,
    template="documents/action_form.html",
    extra=None,
):
    """GET shows the form; a valid POST calls the service and goes back to the record;
    bad input or a refused step shows the form again with the message (nothing saved:
    every service is one transaction)."""
    if not allowed:
        raise PermissionDenied
    form_kwargs = form_kwargs or {}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                result = perform(form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, success)
                return redirect(result if hasattr(result, "get_absolute_url") else target)
    else:
        form = form_class(**form_kwargs)
    context = {"form": form, "target": target, "title": title, **(extra or {})}
    return render(request, template, context, status=200)


def post_action(request, *, target, allowed: bool, perform, success):
    """A button: POST only, 403 without the right, a refused step becomes an error message."""
    if not allowed:
        raise PermissionDenied
    try:
        perform()
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect(target)


def document_pdf(
    request, *, document, template: str, filename: str, context=None, render=render_pdf
):
    record_opening(user=request.user, document=document, what="pdf", detail=template)
    pdf = render(template, {"document": document, **(context or {})})
    return pdf_response(pdf, filename)


def document_attachment(request, *, document, attachment_pk: int):
    attachment = get_object_or_404(document.attachments.all(), pk=attachment_pk)
    record_opening(
        user=request.user, document=document, what="attachment", detail=attachment.original_name
    )
    return attachment_response(attachment)
