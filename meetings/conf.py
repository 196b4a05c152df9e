"""The app's settings (Django setting, else environment variable, else the default)."""

from office.conf import setting


def minutes_due_hours() -> int:
    """Minutes are due this many hours after the meeting ends."""
    return setting("MEETINGS_MINUTES_DUE_HOURS", 24, int)


def reminder_minutes_before() -> int:
    """Attendees are reminded this many minutes before a meeting starts."""
    return setting("MEETINGS_REMINDER_MINUTES", 30, int)


def sign_in_opens_minutes() -> int:
    """Sign-in opens this many minutes before the start."""
    return setting("MEETINGS_SIGN_IN_OPENS_MINUTES", 30, int)
