"""What the chronicle app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import navigation, schedule, todo
from office.services.audit import register_verbs


def register() -> None:
    from . import selectors

    # Staff read the accepted chronicle; the office manages it.
    navigation.register(
        navigation.NavEntry(
            key="chronicle", label=_("Chronicle"), url_name="chronicle:index", order=37
        )
    )
    todo.register(
        todo.TodoSource(
            key="chronicle.suggestions",
            bucket=todo.TODO,
            label=_("Chronicle suggestions to review"),
            queryset=selectors.suggestions_awaiting,
            date_field="created_at",
        )
    )
    schedule.every("chronicle-suggestions", "chronicle.tasks.sweep_suggestions", 600)
    register_verbs(
        {
            "chronicle.entry_written": _("Chronicle entry written"),
            "chronicle.entry_edited": _("Chronicle entry edited"),
            "chronicle.suggested": _("Suggested for the chronicle"),
            "chronicle.suggestion_accepted": _("Chronicle suggestion accepted"),
            "chronicle.suggestion_discarded": _("Chronicle suggestion discarded"),
        }
    )
