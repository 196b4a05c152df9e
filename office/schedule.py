"""Periodic jobs: apps add beat entries in AppConfig.ready(); celery beat reads them."""

from django.conf import settings


def every(name: str, task: str, schedule) -> None:
    """Add a beat entry (seconds, timedelta or celery.schedules.crontab)."""
    settings.CELERY_BEAT_SCHEDULE.setdefault(name, {"task": task, "schedule": schedule})
