"""Headers on every answer: a strict CSP, a Permissions-Policy, and no-store once signed in."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.documents.factories import IncomingFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def csp_of(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_page_has_a_csp_without_inline_script_or_eval(client_for, clerk):
    for response in (Client().get("/accounts/login/"), client_for(clerk).get("/")):
        csp = csp_of(response)
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"]
        assert csp["style-src-elem"] == ["'self'"]
        assert csp["img-src"] == ["'self'", "data:"]
        assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]


def test_permissions_policy_denies_camera_microphone_and_location(client_for, clerk):
    for response in (Client().get("/accounts/login/"), client_for(clerk).get("/")):
        policy = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment"):
            assert f"{feature}=()" in policy


def test_signed_in_answers_are_not_stored(client_for, clerk):
    client = client_for(clerk)
    document = IncomingFactory(registered_by=clerk)
    for response in (
        client.get("/"),
        client.get("/notifications/", HTTP_HX_REQUEST="true"),
        client.get(reverse("documents:incoming_pdf", args=[document.pk])),
        client.get(reverse("documents:archive_catalogue_xlsx")),
    ):
        assert response.status_code == 200, response.request
        assert response["Cache-Control"] == "no-store", response.request["PATH_INFO"]


def test_anonymous_pages_and_a_views_own_cache_choice_are_left_alone(client_for):
    assert "Cache-Control" not in Client().get("/")  # the redirect to the login page
    user = UserFactory(username="feeder")
    feed = client_for(user).get(f"/calendar/{user.calendar_token}.ics")
    assert feed["Cache-Control"] == "private, max-age=300"


def test_templates_hold_no_inline_script_or_event_handler():
    """The CSP would block them: behaviour lives in static/office/js/portal.js."""
    offenders = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                offenders.append(f"{path.relative_to(ROOT)}: inline <script>")
        if re.search(r"\son[a-z]+\s*=", text) or "hx-on" in text or "javascript:" in text:
            offenders.append(f"{path.relative_to(ROOT)}: inline handler")
    assert offenders == []
