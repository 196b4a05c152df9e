"""Domain errors: raised by services, shown to the user as they are (already translated)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class DomainError(Exception):
    """A rule of the office was broken; the message says which, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class TransitionNotAllowed(DomainError):
    """The record is not in a state from which this step may be taken."""


class NotAllowed(DomainError, PermissionDenied):
    """The actor may not take this step. Services raise it so that a task, an admin action or
    an API cannot do what the views refuse; uncaught it is a 403, like PermissionDenied."""

    def __init__(self, message=None):
        super().__init__(message or _("You are not allowed to do this."))


def require_actor(allowed: bool, message=None) -> None:
    """Raise NotAllowed unless the predicate said yes: `require_actor(may_x(by, obj))`."""
    if not allowed:
        raise NotAllowed(message)
