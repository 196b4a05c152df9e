"""One item's page and the steps taken on it. Each step: scope (404) -> who (403) ->
form -> service (a wrong state comes back as a message) -> redirect."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.services.approvals import chains_prefetch
from office.uploads import attachment_response
from office.views.actions import action

from .. import permissions as perms
from .. import services
from ..forms import (
    ChaseForm,
    CompletionForm,
    DecisionForm,
    ExtensionForm,
    NoteForm,
    ProgressForm,
    ReasonForm,
    ReplyForm,
    SplitForm,
)
from ..models import Extension, Note, ProgressReport, ReportAttachment, Task
from ..nodes import time_nodes
from ..selectors import tasks_for


def _task(request, pk) -> Task:
    return get_object_or_404(tasks_for(request.user), pk=pk)


def task_detail(request, pk, forms=None, status=200):
    """The item: light, source, people, progress, extensions, review, history."""
    task = get_object_or_404(
        tasks_for(request.user)
        .select_related(
            "owner", "owner_department", "assigned_by", "verified_by", "source_type", "parent"
        )
        .prefetch_related(
            "co_owners",
            Prefetch(
                "reports",
                ProgressReport.objects.select_related("author").prefetch_related("attachments"),
            ),
            Prefetch("extensions", Extension.objects.select_related("requested_by", "decided_by")),
            Prefetch("notes", Note.objects.select_related("author")),
            Prefetch("children", Task.objects.select_related("owner")),
        ),
        pk=pk,
    )
    user = request.user
    extensions = list(task.extensions.all())
    chains_prefetch(extensions)  # {% approval_chain extension %} for each, two queries in all
    pending = next((e for e in extensions if e.status == Extension.Status.PENDING), None)
    forms = forms or {}
    notes, children = list(task.notes.all()), list(task.children.all())
    context = {
        "notes": notes,
        "chase_count": sum(1 for note in notes if note.kind == Note.Kind.CHASE),
        "children": children,
        "parent": task.parent if task.parent_id else None,
        "nodes": time_nodes(
            task, reports=task.reports.all(), notes=notes, extensions=extensions, children=children
        ),
        "task": task,
        "source": task.source_display(),
        "reports": task.reports.all(),
        "extensions": extensions,
        "pending": pending,
        "can": {
            "accept": perms.can_accept(user, task),
            "report": perms.can_report(user, task),
            "complete": perms.can_request_completion(user, task),
            "extend": perms.can_request_extension(user, task, pending=pending),
            "review": perms.can_review(user, task),
            "cancel": perms.can_cancel(user, task),
            "decide": pending is not None and perms.can_decide_extension(user, pending),
            "chase": perms.can_chase(user, task),
            "reply": perms.can_reply(user, task),
            "instruct": perms.can_instruct(user, task),
            "split": perms.can_split(user, task) and bool(task.co_owners.all()),
        },
        "chase_form": forms.get("chase") or ChaseForm(prefix="chase"),
        "reply_form": forms.get("reply") or ReplyForm(prefix="reply"),
        "note_form": forms.get("note") or NoteForm(prefix="note"),
        "split_form": forms.get("split") or SplitForm(prefix="split", task=task),
        "report_form": forms.get("report") or ProgressForm(),
        "complete_form": forms.get("complete") or CompletionForm(),
        "extension_form": forms.get("extend") or ExtensionForm(task=task),
        "return_form": forms.get("return") or ReasonForm(prefix="return"),
        "cancel_form": forms.get("cancel") or ReasonForm(prefix="cancel"),
        "decision_form": forms.get("decide") or DecisionForm(),
        "open_form": next(iter(forms), ""),
    }
    return render(request, "supervision/task_detail.html", context, status=status)


def _step(request, task, *, key, allowed, form, run, done):
    """One step on the item: a bad form or a refused step shows the page again."""
    return action(
        request,
        allowed=allowed,
        form=form,
        perform=run,
        success=done,
        redirect_to=task,
        page=None if form is None else lambda form: task_detail(request, task.pk, {key: form}),
    )


def _button(request, pk, *, allowed, service, done):
    """A step without input: accept, verify."""
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="",
        allowed=allowed(request.user, task),
        form=None,
        run=lambda data: service(task_id=task.pk, by=request.user),
        done=done,
    )


def _with_reason(request, pk, *, key, allowed, service, done):
    """A step that needs a reason: return, cancel (the form's prefix is the step's key)."""
    task = _task(request, pk)
    return _step(
        request,
        task,
        key=key,
        allowed=allowed(request.user, task),
        form=ReasonForm(request.POST, prefix=key),
        run=lambda data: service(task_id=task.pk, by=request.user, reason=data["reason"]),
        done=done,
    )


@require_POST
def task_accept(request, pk):
    return _button(
        request,
        pk,
        allowed=perms.may_handle,
        service=services.task_accept,
        done=_("You have accepted the item."),
    )


@require_POST
def task_report(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="report",
        allowed=perms.may_report(request.user, task),
        form=ProgressForm(request.POST, request.FILES),
        run=lambda data: services.progress_report_add(
            task_id=task.pk, by=request.user, text=data["text"], files=data["files"]
        ),
        done=_("Your progress report has been added."),
    )


@require_POST
def task_complete(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="complete",
        allowed=perms.may_handle(request.user, task),
        form=CompletionForm(request.POST),
        run=lambda data: services.task_completion_request(
            task_id=task.pk, by=request.user, result=data["result"]
        ),
        done=_("Completion requested; a supervisor will verify it."),
    )


@require_POST
def task_verify(request, pk):
    return _button(
        request,
        pk,
        allowed=perms.may_review,
        service=services.task_completion_verify,
        done=_("Completion verified."),
    )


@require_POST
def task_return(request, pk):
    return _with_reason(
        request,
        pk,
        key="return",
        allowed=perms.may_review,
        service=services.task_completion_return,
        done=_("The item has been sent back to its owner."),
    )


@require_POST
def task_cancel(request, pk):
    return _with_reason(
        request,
        pk,
        key="cancel",
        allowed=perms.may_cancel,
        service=services.task_cancel,
        done=_("The item has been cancelled."),
    )


@require_POST
def extension_request(request, pk):
    task = _task(request, pk)
    return _step(
        request,
        task,
        key="extend",
        allowed=perms.may_handle(request.user, task),
        form=ExtensionForm(request.POST, task=task),
        run=lambda data: services.extension_request(
            task_id=task.pk,
            by=request.user,
            new_deadline=data["new_deadline"],
            reason=data["reason"],
        ),
        done=_("Extension requested."),
    )


@require_POST
def extension_decide(request, pk):
    extension = get_object_or_404(
        Extension.objects.select_related("task").filter(task__in=tasks_for(request.user)), pk=pk
    )
    form = DecisionForm(request.POST)
    return _step(
        request,
        extension.task,
        key="decide",
        allowed=perms.may_decide_extension(request.user, extension),
        form=form,
        run=lambda data: services.extension_decide(
            extension_id=extension.pk,
            by=request.user,
            approve=data["decision"] == "approve",
            note=data["note"],
        ),
        done=lambda _result: (
            _("Extension approved.")
            if form.cleaned_data["decision"] == "approve"
            else _("Extension refused.")
        ),
    )


def attachment_download(request, pk):
    attachment = get_object_or_404(
        ReportAttachment.objects.filter(report__task__in=tasks_for(request.user)), pk=pk
    )
    return attachment_response(attachment)
