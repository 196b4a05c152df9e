"""The POST step every app's views share: scope -> who -> form -> service -> message -> where.

    @require_POST
    def handover_accept(request, pk):
        handover = _handover_or_404(request, pk)                       # out of scope -> 404
        return action(
            request,
            allowed=can_accept_handover(request.user, handover),       # wrong role -> 403
            form=HandoverAnswerForm(request.POST),
            invalid=_("The note is too long."),
            perform=lambda data: services.handover_accept(
                handover=handover, note=data["note"], by=request.user
            ),
            success=_("Handover accepted."),
            redirect_to=handover,
        )

A form on its own page passes `page=lambda form: render(...)`: a GET shows it, bad input or
a refused step shows it again. Every service is one transaction, so nothing is kept of a
refused step and the view opens none of its own.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect

from office.errors import DomainError

Page = Callable[[Any], HttpResponse]


def action(
    request,
    *,
    allowed: bool,
    perform: Callable[[dict], Any],
    success=None,
    redirect_to=None,
    form=None,
    page: Page | None = None,
    invalid=None,
    htmx: Callable[[Any], HttpResponse] | None = None,
    level: int | Callable[[Any], int] = messages.SUCCESS,
) -> HttpResponse:
    """Run one step of a record for `request.user` and answer.

    - `allowed` False -> 403 (the caller has already scoped the record: out of scope is 404).
    - `form` (bound, or None for a plain button). On a GET `page(form)` is shown.
      Invalid: `page(form)` again, else the `invalid` message (by default each of the form's
      errors) and the redirect.
    - `perform(cleaned_data)` calls the service. A DomainError (TransitionNotAllowed, a
      refused actor...) becomes an error message at the top of the page; with `page` the form
      is shown again (for htmx, whose partial has no message area, as the form's own error).
    - Then the `success` message (text, or a callable of the service's result; None for
      none) at `level` (or `level(result)`), and the redirect to `redirect_to` (an object,
      URL or URL name, or a callable of the result giving one of them or a response). An
      htmx request with `htmx` gets `htmx(result)` instead, without a message (the partial
      shows the change).
    """
    if not allowed:
        raise PermissionDenied
    if request.method != "POST" and page is not None:
        return page(form)
    if form is not None and not form.is_valid():
        if page is not None:
            return page(form)
        for text in [invalid] if invalid else [e for errs in form.errors.values() for e in errs]:
            messages.error(request, text)
        return _go(redirect_to, None)
    try:
        result = perform(form.cleaned_data if form is not None else {})
    except DomainError as exc:
        if page is None:
            messages.error(request, str(exc))
            return _go(redirect_to, None)
        if request.htmx and form is not None:
            form.add_error(None, str(exc))
        else:
            messages.error(request, str(exc))
        return page(form)
    if htmx is not None and request.htmx:
        return htmx(result)
    text = success(result) if callable(success) else success
    if text:
        messages.add_message(request, level(result) if callable(level) else level, text)
    return _go(redirect_to, result)


def _go(redirect_to, result) -> HttpResponse:
    target = redirect_to(result) if callable(redirect_to) else redirect_to
    return target if isinstance(target, HttpResponse) else redirect(target)
