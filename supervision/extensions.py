"""What the supervision app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office import exports, navigation, todo
from office import schedule as beat
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _search() -> None:
    """The portal search (office.search): each kind as its own list searches it."""
    from office import search

    from . import search as found

    search.register(
        "supervision", _("Supervision items"), found.items, 30, list_url="supervision:index"
    )


def register() -> None:
    _search()
    from . import approvals, selectors
    from .services import circulars, schedule

    # Everyone may own an item, so everyone sees the entry.
    navigation.register(
        navigation.NavEntry(
            key="supervision", label=_("Supervision"), url_name="supervision:index", order=50
        )
    )
    # Hourly, so a worker that was down at 9:00 still sends the day's reminders; each
    # reminder is keyed by its day, so the other runs of the day add nothing.
    beat.every("supervision-overdue", "supervision.tasks.sweep_overdue", crontab(minute=7))
    todo.register(
        todo.TodoSource(
            key="supervision.mine",
            bucket=todo.TODO,
            label=_("My supervision items"),
            queryset=selectors.todo_mine,
            due_field="deadline",
        )
    )
    todo.register(
        todo.TodoSource(
            key="supervision.to_verify",
            bucket=todo.TODO,
            label=_("Completion to verify"),
            queryset=selectors.todo_to_verify,
            date_field="completion_requested_at",
            due_field="deadline",
        )
    )
    approvals.register()  # the extension chain and its to-do source
    exports.register_builder("supervision.circular", circulars.circular_pdf)
    for kind in schedule.KINDS:
        register_reminder_kind(kind, schedule.still_due)
    register_verbs(
        {
            "supervision.task_created": _("Supervision item filed"),
            "supervision.task_accepted": _("Item accepted"),
            "supervision.task_cancelled": _("Item cancelled"),
            "supervision.progress_reported": _("Progress reported"),
            "supervision.completion_requested": _("Completion requested"),
            "supervision.completed": _("Completion verified"),
            "supervision.returned": _("Sent back for more work"),
            "supervision.extension_requested": _("Extension requested"),
            "supervision.extension_approved": _("Extension approved"),
            "supervision.extension_refused": _("Extension refused"),
            "supervision.circular_requested": _("Circular prepared"),
            "supervision.chased": _("Chased"),
            "supervision.replied": _("Owner's explanation"),
            "supervision.comment_added": pgettext_lazy("supervision", "Comment"),
            "supervision.instruction_added": _("Instruction"),
            "supervision.split": _("Split into sub-items"),
            "supervision.escalated": _("Escalated to the director"),
        }
    )
