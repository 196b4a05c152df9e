"""Pages of a list without counting the whole table on each request.

`paginate(request, queryset, per_page)` counts at most a few pages past the one asked for
(one `SELECT count(*) FROM (... LIMIT n)`, the same single query as Django's Paginator), so a
list of 100,000 rows costs what a list of 1,000 does. Below that bound the count is exact
("page 3 of 7", "42 documents"); above it the page says so honestly ("page 1 of more than 10",
"more than 250 documents"): `page.paginator.count_exact` tells templates which, and
`{% include "partials/_pager.html" %}` renders either.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

LOOKAHEAD_PAGES = 10  # how far past the requested page the count looks


class CappedPaginator(Paginator):
    """A Paginator whose count stops at `(number + LOOKAHEAD_PAGES - 1) * per_page + 1` rows."""

    def __init__(self, object_list, per_page, *, number=1, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.requested = number

    @cached_property
    def count(self) -> int:
        bound = (self.requested + LOOKAHEAD_PAGES - 1) * self.per_page
        rows = self.object_list
        if hasattr(rows, "order_by"):  # which rows are first does not change how many there are
            rows = rows.order_by()
        counted = rows[: bound + 1].count()
        self._exact = counted <= bound
        return min(counted, bound)

    @property
    def count_exact(self) -> bool:
        """True when `count` is the number of rows, False when there are more."""
        self.count  # noqa: B018 - counting sets _exact
        return self._exact

    def validate_number(self, number):
        if self.count_exact:
            return super().validate_number(number)
        return self._positive(number)

    def _positive(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from exc
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number


def paginate(request, queryset, per_page: int):
    """The requested page (?page=N; a bad or out-of-range N gives the first or last page)."""
    raw = request.GET.get("page")
    try:
        number = max(int(raw), 1)
    except (TypeError, ValueError):
        number = 1
    number = min(number, 100_000)  # a deeper page is not browsed, it is searched
    return CappedPaginator(queryset, per_page, number=number).get_page(number)
