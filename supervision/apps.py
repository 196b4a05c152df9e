from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = _("Supervision")

    def ready(self):
        from celery.schedules import crontab

        from office import navigation, todo
        from office import schedule as beat
        from office.services.audit import register_verbs
        from office.services.reminders import register_reminder_kind

        from .models import Task
        from .selectors import extensions_awaiting
        from .services import schedule

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
                queryset=lambda user: Task.objects.filter(
                    owner=user, status__in=schedule.WITH_OWNER
                ),
                due_field="deadline",
            )
        )
        todo.register(
            todo.TodoSource(
                key="supervision.to_verify",
                bucket=todo.TODO,
                label=_("Completion to verify"),
                queryset=lambda user: (
                    Task.objects.filter(status=Task.Status.COMPLETION_REQUESTED).exclude(owner=user)
                    if user.has_role("supervisor")
                    else Task.objects.none()
                ),
                date_field="completion_requested_at",
                due_field="deadline",
            )
        )
        todo.register(
            todo.TodoSource(
                key="supervision.extensions",
                bucket=todo.TODO,
                label=_("Extension requests to decide"),
                queryset=extensions_awaiting,
            )
        )
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
            }
        )
