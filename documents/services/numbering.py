"""Gap-free serial numbers: one counter row per series and year, locked while in use."""

from django.db import transaction

from documents.models import SerialCounter


def next_serial(*, series: str, year: int) -> int:
    """The next number of the series in `year`. Call inside the transaction that saves the
    numbered record: the counter row stays locked until it commits, and a rollback hands
    the number back, so numbers are never skipped nor given twice."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_serial must run inside the numbered record's transaction")
    # get_or_create survives two first-of-the-year callers: the loser's INSERT waits on the
    # unique index, fails after the winner commits, and then reads the winner's row.
    SerialCounter.objects.get_or_create(series=series, year=year)
    counter = SerialCounter.objects.select_for_update().get(series=series, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last
