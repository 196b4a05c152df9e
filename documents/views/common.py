"""Helpers every documents view uses: form actions, POST actions, pages, PDFs, attachments."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from office import datacache
from office.pagination import paginate as office_paginate
from office.pdf import pdf_response, render_pdf
from office.uploads import attachment_response
from office.views.actions import action

from ..services import record_opening

PER_PAGE = 25


def paginate(request, queryset, per_page: int = PER_PAGE):
    """A page of the queryset: one bounded COUNT and one page query, whatever the table size."""
    return office_paginate(request, queryset, per_page)


def page_or_partial(request, template: str, partial: str, context: dict, rows):
    """htmx requests (filters, paging) get only the rows; others the whole page.

    rows() is the queryset of the list; its page, rendered with `partial`, is kept until the
    next write to the database or the next minute (office.datacache), per user and query."""
    rows_html = datacache.rendered(
        request,
        f"{partial}?{request.GET.urlencode()}",
        partial,
        lambda: {"page": paginate(request, rows())},
    )
    if request.htmx:
        return HttpResponse(rows_html)
    return render(request, template, {**context, "rows": rows_html})


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
    done: bool = False,
):
    """A step with its own form page (documents/action_form.html): GET shows the form; a
    valid POST calls the service and goes to what it returns (or back to the record).
    `done`: the user took this step already (permissions.step_done) — said so, not a 403."""
    if done and not allowed:
        return already_done(request, target)
    data = (request.POST, request.FILES) if request.method == "POST" else ()
    form = form_class(*data, **(form_kwargs or {}))
    return action(
        request,
        allowed=allowed,
        form=form,
        perform=perform,
        success=success,
        redirect_to=lambda result: result if hasattr(result, "get_absolute_url") else target,
        page=lambda form: render(
            request, template, {"form": form, "target": target, "title": title, **(extra or {})}
        ),
    )


def already_done(request, target):
    """Back to the record with "this step is done" (a second tab, the back button)."""
    messages.info(request, _("This step has already been done."))
    return redirect(target)


# 收文处理单, 发文稿纸 and the 红头文件 are official forms: Chinese whatever the reader's language.
OFFICIAL_LANGUAGE = "zh-hans"


def document_pdf(
    request, *, document, template: str, filename: str, context=None, render=render_pdf
):
    """An official form of the document, in Chinese always (choices, dates, every label)."""
    record_opening(user=request.user, document=document, what="pdf", detail=template)
    with translation.override(OFFICIAL_LANGUAGE):
        context = context() if callable(context) else context
        pdf = render(template, {"document": document, **(context or {})})
    return pdf_response(pdf, filename)


def document_attachment(request, *, document, attachment_pk: int):
    attachment = get_object_or_404(document.attachments.all(), pk=attachment_pk)
    record_opening(
        user=request.user, document=document, what="attachment", detail=attachment.original_name
    )
    return attachment_response(attachment)
