"""office.related: an app shows a panel on another app's record page without being imported."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from office import related

pytestmark = pytest.mark.django_db


@pytest.fixture
def panels():
    saved = dict(related._panels)
    yield related
    related._panels.clear()
    related._panels.update(saved)


def _render(obj, user):
    request = RequestFactory().get("/")
    request.user = user
    template = Template("{% load office_tags %}{% related_panels obj %}")
    return template.render(Context({"obj": obj, "request": request}))


def test_panels_of_the_record_model_render_in_order_empty_ones_left_out(panels, clerk):
    panels.register("users.user", "b.second", lambda request, obj: "<p>second</p>", order=20)
    panels.register("users.user", "a.first", lambda request, obj: f"<p>{obj.pk}</p>", order=10)
    panels.register("users.user", "c.empty", lambda request, obj: "", order=30)
    panels.register("documents.outgoingdocument", "d.other", lambda request, obj: "<p>no</p>")
    label = clerk._meta.label_lower
    if label != "users.user":  # the portal's user model, whatever its app
        for key in ("b.second", "a.first", "c.empty"):
            panel = panels._panels.pop(("users.user", key))
            panels.register(label, key, panel.render, order=panel.order)

    html = _render(clerk, clerk)

    assert html == f"<p>{clerk.pk}</p><p>second</p>"


def test_no_panel_registered_renders_nothing(panels, clerk):
    related._panels.clear()
    assert _render(clerk, clerk) == ""
