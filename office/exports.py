"""Export builders by name: apps register them in their extensions.register(), background
exports (`office.services.exports.export_request(builder="documents.catalogue_pdf", ...)`)
name them.

A builder is `fn(*, user, **arguments) -> bytes`; it receives the requesting user so it scopes
what it reads exactly as the view would.
"""

from collections.abc import Callable

Builder = Callable[..., bytes]

_builders: dict[str, Builder] = {}


def register_builder(name: str, fn: Builder) -> None:
    """Declare the builder `name` ("app.what", e.g. "duty.roster_pdf")."""
    _builders[name] = fn


def builder(name: str) -> Builder:
    """The builder registered as `name`; LookupError for an unknown one."""
    try:
        return _builders[name]
    except KeyError:
        raise LookupError(f"no export builder named {name!r}") from None


def builder_names() -> list[str]:
    return sorted(_builders)
