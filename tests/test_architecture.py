"""The dependency rule of docs/ARCHITECTURE.md, read from the source with `ast`:

feature apps -> supervision -> office, one way; office imports no other app of the portal;
an app reaches another only through its `services` / `selectors` (never its models, views or
tasks), and a feature app calls a sibling only where the map allows it, never in a cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYER = {
    "office": 0,
    "supervision": 1,
    "documents": 2,
    "meetings": 2,
    "reception": 2,
    "duty": 2,
    "seals": 2,
    "vehicles": 2,
    "supplies": 2,
    "petitions": 2,
    # Gatherers: the leaders' schedule and the chronicle read what the feature apps record.
    "schedule": 3,
    "chronicle": 3,
}
# Sibling calls the map names: meetings pre-registers its guests as visitors at reception;
# seals lays out and seals an outgoing document (documents' services/selectors).
SIBLINGS = {("meetings", "reception"), ("seals", "documents")}
# What one app may import of another; office is the shared core, so all of it is open.
PUBLIC = {"services", "selectors", "templatetags"}


def imports_of(app: str):
    """(file, line, module) for every absolute import of another portal app inside `app`."""
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue  # migrations name other apps' models by string, as Django writes them
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in LAYER and top != app:
                    yield path.relative_to(ROOT), node.lineno, module


def violation(app: str, module: str) -> str | None:
    target, *rest = module.split(".")
    if LAYER[target] > LAYER[app] or (
        LAYER[target] == LAYER[app] and (app, target) not in SIBLINGS
    ):
        return f"{app} may not depend on {target}"
    if target != "office" and (not rest or rest[0] not in PUBLIC):
        return f"{app} may use only {target}'s services/selectors, not {module}"
    return None


@pytest.mark.parametrize("app", sorted(LAYER))
def test_apps_depend_one_way_through_services_and_selectors(app):
    found = [
        f"{path}:{line}: {module} ({problem})"
        for path, line, module in imports_of(app)
        if (problem := violation(app, module))
    ]
    assert not found, "\n".join(found)


def test_the_rule_itself_refuses_what_it_should():
    assert violation("office", "documents.services")
    assert violation("supervision", "meetings.selectors")
    assert violation("documents", "supervision.models")
    assert violation("reception", "meetings.services")  # the allowed sibling call is one way
    assert violation("duty", "documents.services")
    assert violation("meetings", "reception.models")
    assert violation("meetings", "reception.services") is None
    assert violation("seals", "documents.services") is None
    assert violation("documents", "seals.services")  # seals -> documents, never back
    assert violation("seals", "documents.views")
    assert violation("documents", "supervision.selectors") is None
    assert violation("duty", "office.models") is None
    # and the scan sees imports, including those inside functions
    assert "reception.services" in {module for _, _, module in imports_of("meetings")}


def test_every_portal_app_has_a_layer():
    from django.conf import settings

    local = {app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").exists()}
    assert local == set(LAYER), "add the new app to LAYER (and to docs/ARCHITECTURE.md)"
