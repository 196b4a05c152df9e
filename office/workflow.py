"""Status workflows: a model declares TRANSITIONS; services ask before they move."""

from django.db import models

from .errors import TransitionNotAllowed


class WorkflowMixin(models.Model):
    """For models with a `status` field and a TRANSITIONS map {from: {to, ...}}."""

    TRANSITIONS: dict[str, set[str]] = {}

    class Meta:
        abstract = True

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, set())

    def require_transition(self, status: str, message) -> None:
        """Raise TransitionNotAllowed(message) unless the move to `status` is allowed."""
        if not self.can_become(status):
            raise TransitionNotAllowed(message)
