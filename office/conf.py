"""App settings: a Django setting if defined, else the environment variable, else the default.

    from office.conf import setting
    MINUTES_DUE_HOURS = setting("MEETINGS_MINUTES_DUE_HOURS", 24, int)
Call it at use time (not import time) so tests can override_settings.
"""

import os
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings


def _bool(value: str) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def setting(name: str, default, cast: Callable | None = None):
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    cast = cast or type(default)
    if cast is bool:
        return _bool(raw)
    if cast is Decimal:
        return Decimal(raw)
    return cast(raw)
