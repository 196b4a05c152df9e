"""The shared POST step (office.views.actions.action), the text-cleaning mixin, the reason
form and users_with_role: what every app's views and forms now rely on."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

from office.errors import TransitionNotAllowed
from office.forms import ReasonForm, TextCleaningMixin
from office.roles import users_with_role
from office.views.actions import action
from tests.factories import UserFactory


def _request(method="post", data=None, htmx=False):
    request = getattr(RequestFactory(), method)("/x/", data or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.htmx = htmx
    return request


def _texts(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


class NoteForm(TextCleaningMixin, forms.Form):
    note = forms.CharField(max_length=20)
    count = forms.IntegerField(required=False)


def test_refused_actor_is_403_and_nothing_runs():
    ran = []
    with pytest.raises(PermissionDenied):
        action(_request(), allowed=False, perform=ran.append, redirect_to="/back/")
    assert ran == []


def test_done_step_says_so_and_goes_where_asked():
    request = _request(data={"note": "  ok  "})
    response = action(
        request,
        allowed=True,
        form=NoteForm(request.POST),
        perform=lambda data: data["note"],
        success=lambda note: f"saved {note}",
        redirect_to=lambda note: f"/done/{note}/",
    )
    assert response.status_code == 302 and response.url == "/done/ok/"
    assert _texts(request) == [("success", "saved ok")]


def test_refused_transition_is_an_error_message_and_back_to_the_record():
    def perform(data):
        raise TransitionNotAllowed("Already closed.")

    request = _request()
    response = action(request, allowed=True, perform=perform, success="no", redirect_to="/r/")
    assert response.url == "/r/" and _texts(request) == [("error", "Already closed.")]


def test_bad_input_shows_the_page_again_with_the_form_or_says_why():
    request = _request(data={"note": "x" * 30})
    shown = action(
        request,
        allowed=True,
        form=NoteForm(request.POST),
        perform=pytest.fail,
        page=lambda form: HttpResponse(str(form.errors["note"][0]), status=400),
    )
    assert shown.status_code == 400 and "20" in shown.content.decode()
    request = _request(data={"note": ""})
    back = action(
        request,
        allowed=True,
        form=NoteForm(request.POST),
        invalid="Say something.",
        perform=pytest.fail,
        redirect_to="/r/",
    )
    assert back.url == "/r/" and _texts(request) == [("error", "Say something.")]


def test_htmx_gets_the_partial_and_a_refusal_inside_the_form():
    request = _request(data={"note": "fine"}, htmx=True)
    partial = action(
        request,
        allowed=True,
        form=NoteForm(request.POST),
        perform=lambda data: "row",
        success="not shown",
        htmx=lambda row: HttpResponse(row),
        redirect_to="/r/",
    )
    assert partial.content == b"row" and _texts(request) == []

    def refuse(data):
        raise TransitionNotAllowed("Closed meanwhile.")

    request = _request(data={"note": "fine"}, htmx=True)
    again = action(
        request,
        allowed=True,
        form=NoteForm(request.POST),
        perform=refuse,
        page=lambda form: HttpResponse(" ".join(form.non_field_errors())),
    )
    assert again.content == b"Closed meanwhile."


def test_every_text_field_is_cleaned_and_a_script_refused_on_its_field():
    form = NoteForm({"note": " a\u2028b "})
    assert form.is_valid() and form.cleaned_data["note"] == "a\nb"
    form = NoteForm({"note": "<script>x"})
    assert not form.is_valid() and "note" in form.errors


def test_reason_form_required_by_default_and_adjustable():
    assert not ReasonForm({"reason": ""}).is_valid()

    class ShortOptional(ReasonForm):
        reason_required, reason_max_length = False, 5

    assert ShortOptional({"reason": ""}).is_valid()
    assert not ShortOptional({"reason": "too long"}).is_valid()


@pytest.mark.django_db
def test_users_with_role_active_holders_of_any_role_once_each():
    both = UserFactory(roles=["director", "clerk"])
    clerk = UserFactory(roles=["clerk"])
    UserFactory(roles=["director"], is_active=False)
    UserFactory(roles=["receptionist"])
    assert list(users_with_role("director")) == [both]
    assert sorted(u.pk for u in users_with_role("director", "clerk")) == sorted([both.pk, clerk.pk])
    with pytest.raises(ValueError):
        users_with_role("nobody")
