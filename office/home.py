"""Home-page panels: apps register them in their extensions.register(); the home page shows
each non-empty one in `order`."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    key: str  # "documents.notices"
    render: Callable[[object], str]  # request -> rendered HTML, or "" for nothing
    order: int = 100


_panels: dict[str, HomePanel] = {}


def register_panel(key: str, render: Callable[[object], str], order: int = 100) -> None:
    """Add (or replace) the panel `key`; registering again is harmless."""
    _panels[key] = HomePanel(key=key, render=render, order=order)


def panels() -> list[HomePanel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.key))


def render_panels(request) -> list[str]:
    """Each panel's HTML for this request, empty ones left out."""
    return [html for html in (panel.render(request) for panel in panels()) if html]
