"""What gets sent: a form filled as a user would, then spoilt field by field."""

from hypothesis import strategies as st

from .guard import upload
from .pages import Field, Form
from .strategies import STRINGS, hostile, plausible

MODES = ["keep", "keep", "keep", "hostile", "hostile", "hostile", "missing", "twice"]
EXTRA_NAMES = ["id", "pk", "next", "status", "user", "owner", "by", "created_by", "page"]
UPLOADS = st.sampled_from(["long", "zip", "empty", "exe"]).map(upload)


def base_value(field: Field):
    """The value a user's browser would send, or None for a field it would leave out."""
    if field.kind == "file":
        return upload()
    if field.kind in ("checkbox",):
        return field.value or None
    if field.kind in ("select", "radio", "submit"):
        if field.value:
            return field.value
        return next((choice for choice in field.choices if choice), None)
    if field.kind == "hidden" or field.value:
        return field.value
    return plausible(field.kind, field.name)


def filled(form: Form) -> list[tuple[str, object]]:
    return [
        (field.name, value)
        for field in form.fields.values()
        if (value := base_value(field)) is not None
    ]


def _field_strategy(field: Field, ids: list[int]):
    bad = UPLOADS if field.kind == "file" else hostile(field.kind, ids)
    return st.tuples(st.sampled_from(MODES), bad, hostile(field.kind, ids))


def _assemble(form: Form, choices, extras) -> list[tuple[str, object]]:
    pairs = []
    for field, (mode, bad, second) in zip(form.fields.values(), choices, strict=True):
        value = base_value(field)
        if mode == "missing":
            continue
        if mode != "keep":
            value = bad
        if value is not None:
            pairs.append((field.name, value))
        if mode == "twice":
            pairs.append((field.name, upload("ok") if field.kind == "file" else second))
    return pairs + list(extras)


def submissions(form: Form, ids: list[int]):
    fields = [_field_strategy(field, ids) for field in form.fields.values()]
    extras = st.lists(
        st.tuples(st.sampled_from(EXTRA_NAMES), st.one_of(STRINGS, hostile("hidden", ids))),
        max_size=2,
    )
    return st.builds(
        lambda choices, more: _assemble(form, choices, more), st.tuples(*fields), extras
    )


def param_kind(name: str) -> str:
    if any(word in name for word in ("date", "day", "from", "to", "month", "week")):
        return "date"
    return "number" if name in ("page", "year", "per_page") else "text"


def queries(names: set[str], ids: list[int]):
    """GET parameters: some of the page's own, each hostile, sometimes twice, plus strangers."""
    known = sorted(names) or ["page"]
    one = st.sampled_from(known).flatmap(
        lambda name: st.tuples(st.just(name), hostile(param_kind(name), ids))
    )
    stranger = st.tuples(st.sampled_from(EXTRA_NAMES + ["q", "date", "month"]), hostile("", ids))
    return st.lists(st.one_of(one, one, stranger), min_size=1, max_size=4)
