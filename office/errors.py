"""Domain errors: raised by services, shown to the user as they are (already translated)."""


class DomainError(Exception):
    """A rule of the office was broken; the message says which, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class TransitionNotAllowed(DomainError):
    """The record is not in a state from which this step may be taken."""
