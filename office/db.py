"""PostgreSQL helpers: stored times that Python cannot hold, and bookings that must not overlap.

Reading odd stored times never breaks a page.

A form once accepted 0001-01-01 00:00 (China time): stored in UTC that is 1 BC, which Python's
datetime cannot hold, so every query that fetched the row failed ("year -1 is out of range")
and the record's page, PDF, searches and list pages answered 500 for good. Forms now accept
only office.validators.date_window(); for values already stored, the timestamptz reader
clamps what Python cannot hold to the first or last representable day, with a day's margin so
that converting to local time still works."""

import datetime

import psycopg2.extensions as ext
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.db.models import Func, Q

EARLIEST = datetime.datetime(1, 1, 2, tzinfo=datetime.UTC)
LATEST = datetime.datetime(9999, 12, 30, tzinfo=datetime.UTC)


def _read_timestamptz(value, cursor):
    if value is None:
        return None
    try:
        moment = ext.PYDATETIMETZ(value, cursor)
    except (ValueError, OverflowError):
        return EARLIEST if value.endswith("BC") else LATEST
    if moment is None:
        return None
    # 'infinity' and '-infinity' come back as datetime.max / .min: no room for a time zone
    if moment.replace(tzinfo=None) <= EARLIEST.replace(tzinfo=None):
        return EARLIEST
    if moment.replace(tzinfo=None) >= LATEST.replace(tzinfo=None):
        return LATEST
    return moment


def _read_date(value, cursor):
    if value is None:
        return None
    try:
        return ext.PYDATE(value, cursor)
    except (ValueError, OverflowError):
        return datetime.date.min if value.endswith("BC") else datetime.date.max


SAFE_TIMESTAMPTZ = ext.new_type(ext.PYDATETIMETZ.values, "SAFE_TIMESTAMPTZ", _read_timestamptz)
SAFE_DATE = ext.new_type(ext.PYDATE.values, "SAFE_DATE", _read_date)


def register_safe_readers() -> None:
    """Process-wide: every connection reads timestamptz and date this way."""
    ext.register_type(SAFE_TIMESTAMPTZ)
    ext.register_type(SAFE_DATE)


class TsTzRange(Func):
    """tstzrange(start, end, '[)'): a booking holds its resource from its start up to its end."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()

    def __init__(self, start, end):
        super().__init__(start, end, RangeBoundary())


def no_overlap(*, name: str, resource: str, condition: Q) -> ExclusionConstraint:
    """The database's rule that no two rows matching `condition` hold one `resource` (a foreign
    key) at overlapping times, from `start` up to `end` (needs the btree_gist extension)."""
    return ExclusionConstraint(
        name=name,
        expressions=[
            (resource, RangeOperators.EQUAL),
            (TsTzRange("start", "end"), RangeOperators.OVERLAPS),
        ],
        condition=condition,
    )


def violates(exc: Exception, *names: str) -> bool:
    """Whether a database error (an IntegrityError) is one of the named constraints refusing
    the row: a concurrent booking won the race, so the service can answer with its message."""
    diag = getattr(exc.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) in names
