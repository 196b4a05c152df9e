"""The sign-in form: a bounded user name, a per-address rate limit, and axes' user name.

Lock-out (django-axes) is per user name; on top of that an address that fails more than
LOGIN_IP_RATE_LIMIT times in a minute is told to wait. That is a rate, not a lock: one NAT'd
office keeps working as soon as the minute has passed.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from office.conf import setting
from office.middleware import client_ip

RATE_WINDOW = timedelta(minutes=1)
USERNAME_MAX = 150  # office.User.username


def failures_from(ip: str | None) -> int:
    """Failed logins from this address within the last minute (from the audit trail)."""
    from office.models import AuditEvent

    if ip is None:
        return 0
    return AuditEvent.objects.filter(
        verb="auth.login_failed", ip=ip, created_at__gte=now() - RATE_WINDOW
    ).count()


def rate_limited(request) -> bool:
    limit = setting("LOGIN_IP_RATE_LIMIT", 30, int)
    return bool(request) and limit > 0 and failures_from(client_ip(request)) >= limit


class LoginChecks:
    """Checks that run before authenticate(): nothing an attacker sends reaches axes unbounded."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "rate_limited": _(
            "Too many failed sign-in attempts from your network. Wait a minute and try again."
        ),
    }

    def clean_username(self):
        username = self.cleaned_data["username"]
        if len(username) > USERNAME_MAX:
            raise forms.ValidationError(
                _("A user name has at most %(max)d characters.") % {"max": USERNAME_MAX},
                code="username_too_long",
            )
        return username

    def clean(self):
        if self.cleaned_data.get("username") and rate_limited(self.request):
            raise forms.ValidationError(self.error_messages["rate_limited"], code="rate_limited")
        return super().clean()


class LoginForm(LoginChecks, AuthenticationForm):
    pass


class AdminLoginForm(LoginChecks, AdminAuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    form_class = LoginForm

    def form_valid(self, form):
        """The language follows the person: the one they chose before (any browser), else the
        one they switched to on this page, which is then stored."""
        response = super().form_valid(form)
        user, languages = form.get_user(), dict(settings.LANGUAGES)
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if user.language in languages:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
        elif chosen in languages:
            user.language = chosen
            user.save(update_fields=["language"])
        return response

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "rate_limited"):
            response.status_code = 429
        return response


def axes_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: axes' own lookup, cut to what a user name can be (column: 255)."""
    field = "username"
    if credentials:
        value = credentials.get(field)
    else:
        value = request.POST.get(field) if request is not None else None
    return None if value is None else str(value)[:USERNAME_MAX]
