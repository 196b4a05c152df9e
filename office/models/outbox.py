from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A queued side effect, written in the transaction of the change that causes it.

    The broker may be down when the change commits: the row stays, and the outbox sweep
    publishes it again until a worker has run it (done_at, set in the task's own transaction).
    """

    task = models.CharField(_("task"), max_length=200)  # dotted path of a Celery task
    args = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    dispatched_at = models.DateTimeField(_("last handed to the broker"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("times handed to the broker"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["id"], condition=Q(done_at__isnull=True), name="outbox_undone")
        ]
        verbose_name = _("queued side effect")
        verbose_name_plural = _("queued side effects")

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"
