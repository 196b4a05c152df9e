"""What the petitions app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from office import navigation, schedule, search, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _todo(key, label, queryset, due_field="deadline") -> None:
    todo.register(
        todo.TodoSource(
            key=f"petitions.{key}",
            bucket=todo.TODO,
            label=label,
            queryset=queryset,
            date_field="received_on",
            due_field=due_field,
        )
    )


def register() -> None:
    from . import approvals, permissions, selectors  # noqa: F401  (approvals: rule and to-do)
    from .services import common

    # Petition staff and the director, and the handling departments (their heads and the
    # people assigned): one EXISTS query per page for those who are not petition staff.
    navigation.register(
        navigation.NavEntry(
            key="petitions",
            label=_("Petitions"),
            url_name="petitions:index",
            order=55,
            visible=selectors.has_petitions,
        )
    )
    _todo("to_accept", _("Petitions to accept or refuse"), selectors.todo_to_accept, "accept_by")
    _todo("to_assign", _("Accepted petitions to assign"), selectors.todo_to_assign)
    _todo("to_handle", _("Petitions for your department to handle"), selectors.todo_to_handle)
    _todo(
        "to_answer",
        _("Replied petitions: record the petitioner's satisfaction"),
        selectors.todo_to_answer,
        None,
    )
    _todo("reviews", _("Petition reviews to conclude"), selectors.todo_reviews, "review_deadline")
    search.register(
        "petitions",
        _("Petitions"),
        selectors.search,
        order=60,
        list_url="petitions:index",
        visible=selectors.may_search,
    )
    register_reminder_kind(common.ACCEPT_OVERDUE, common.accept_still_due)
    register_reminder_kind(common.DUE_SOON, common.deadline_still_due)
    register_reminder_kind(common.OVERDUE, common.deadline_still_due)
    schedule.every(
        "petitions-purge-personal-data",
        "petitions.tasks.purge_personal_data",
        crontab(hour=3, minute=40),
    )
    register_verbs(
        {
            "petitions.registered": _("Petition registered"),
            "petitions.accepted": _("Petition accepted"),
            "petitions.rejected": _("Petition not accepted"),
            "petitions.notice_sent": _("Notice sent to the petitioner"),
            "petitions.assigned": _("Petition assigned to a department"),
            "petitions.replied": _("Department replied"),
            "petitions.extension_requested": _("Extension requested"),
            "petitions.extended": _("Deadline extended"),
            "petitions.extension_refused": _("Extension refused"),
            "petitions.satisfaction": _("Petitioner's satisfaction recorded"),
            "petitions.review_requested": _("Review requested"),
            "petitions.reviewed": _("Review concluded"),
            "petitions.personal_data_purged": _("Petitioners' personal data purged"),
        }
    )
