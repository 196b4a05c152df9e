"""Panels on another app's record page: an app that works on a record it does not own (seals
on an outgoing document) shows its state and actions there without the owner importing it.

An app declares in its extensions.py

    office.related.register("documents.outgoingdocument", "seals.requests", render, order=50)

with `render(request, obj) -> str` (HTML, "" for nothing). The owner's template shows every
panel registered for the record's model with `{% load office_tags %}{% related_panels obj %}`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RelatedPanel:
    model: str  # "documents.outgoingdocument" (app_label.model_name)
    key: str  # "seals.requests"
    render: Callable[[object, object], str]  # (request, obj) -> HTML, or "" for nothing
    order: int = 100


_panels: dict[tuple[str, str], RelatedPanel] = {}


def register(model: str, key: str, render: Callable, order: int = 100) -> None:
    """Add (or replace) the panel `key` on pages of `model`; registering again is harmless."""
    model = model.lower()
    _panels[(model, key)] = RelatedPanel(model=model, key=key, render=render, order=order)


def panels_for(model: str) -> list[RelatedPanel]:
    model = model.lower()
    found = [panel for (label, _key), panel in _panels.items() if label == model]
    return sorted(found, key=lambda panel: (panel.order, panel.key))


def render_for(request, obj) -> list[str]:
    """Each panel's HTML for this record and this request, empty ones left out."""
    label = obj._meta.label_lower
    return [html for html in (p.render(request, obj) for p in panels_for(label)) if html]
