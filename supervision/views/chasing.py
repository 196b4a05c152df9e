"""Chase, explain, comment/instruct, split, and the 督办单 PDF of one item."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from office.errors import DomainError
from office.params import next_url
from office.pdf import pdf_response, render_pdf
from office.roles import has_role

from .. import permissions as perms
from .. import services
from ..forms import BulkChaseForm, ChaseForm, NoteForm, ReplyForm, SplitForm
from ..models import Task
from ..nodes import time_nodes
from ..selectors import tasks_for
from .items import _step, _task


@require_POST
def task_chase(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="chase",
        allowed=perms.may_chase(request.user, task),
        form=ChaseForm(request.POST, prefix="chase"),
        run=lambda data: services.task_chase(task_id=task.pk, by=request.user, text=data["text"]),
        done=_("Chased: the owner has been told in the portal, by e-mail and in the group."),
    )


@require_POST
def task_reply(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="reply",
        allowed=perms.may_report(request.user, task),
        form=ReplyForm(request.POST, prefix="reply"),
        run=lambda data: services.note_reply(task_id=task.pk, by=request.user, text=data["text"]),
        done=_("Your explanation has been added to the item."),
    )


@require_POST
def task_note(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="note",
        allowed=perms.may_instruct(request.user, task),
        form=NoteForm(request.POST, prefix="note"),
        run=lambda data: services.note_add(
            task_id=task.pk, by=request.user, kind=data["kind"], text=data["text"]
        ),
        done=_("Added to the item; its owner has been told."),
    )


@require_POST
def task_split(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="split",
        allowed=perms.may_split(request.user, task),
        form=SplitForm(request.POST, prefix="split", task=task),
        run=lambda data: services.task_split(task_id=task.pk, by=request.user, parts=data["parts"]),
        done=lambda made: (
            ngettext(
                "Split into %(count)s sub-item; its co-owner has been told.",
                "Split into %(count)s sub-items; their co-owners have been told.",
                len(made),
            )
            % {"count": len(made)}
        ),
    )


@require_POST
def board_chase(request):
    """Chase the ticked items of the board at once (only items the user may see)."""
    if not has_role(request.user, "supervisor", "director"):
        raise PermissionDenied
    back = next_url(request, "/supervision/?light=red")
    form = BulkChaseForm(request.POST, tasks=tasks_for(request.user).filter(status__in=Task.OPEN))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    try:
        notes = services.tasks_chase(
            task_ids=[task.pk for task in form.cleaned_data["items"]],
            by=request.user,
            text=form.cleaned_data["text"],
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            ngettext("%(count)s item chased.", "%(count)s items chased.", len(notes))
            % {"count": len(notes)},
        )
    return redirect(back)


def task_pdf(request, pk):
    """督办单: the item and all its time nodes, for the file."""
    task = get_object_or_404(
        tasks_for(request.user).select_related("owner", "owner_department", "assigned_by"), pk=pk
    )
    context = {"task": task, "source": task.source_display(), "nodes": time_nodes(task)}
    context["children"] = list(task.children.select_related("owner"))
    pdf = render_pdf("supervision/pdf/task.html", context)
    return pdf_response(pdf, f"督办单-{task.pk}.pdf")
