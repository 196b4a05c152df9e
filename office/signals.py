"""Every successful and failed login, and every logout, goes into the audit trail.

A failed audit write is logged and swallowed: the receivers run before axes' own (office is
the first app), and an exception here would stop axes from counting the failure.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from office.middleware import client_ip
from office.services.audit import audit

log = logging.getLogger(__name__)


def _audit_safely(request, **kwargs) -> None:
    try:
        with transaction.atomic():  # a savepoint: a failed insert leaves the request usable
            audit(ip=client_ip(request) if request else None, **kwargs)
    except Exception:
        log.exception("Could not audit %s", kwargs.get("verb"))


@receiver(user_logged_in, dispatch_uid="office.audit_login")
def audit_login(sender, request, user, **kwargs):
    _audit_safely(request, actor=user, verb="auth.login", target=user)


@receiver(user_logged_out, dispatch_uid="office.audit_logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        _audit_safely(request, actor=user, verb="auth.logout", target=user)


@receiver(user_login_failed, dispatch_uid="office.audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    try:
        user = get_user_model().objects.filter(username=username).first()
    except Exception:  # e.g. a NUL character PostgreSQL refuses
        user = None
    _audit_safely(
        request,
        actor=None,
        verb="auth.login_failed",
        target=user,
        data={"username": username},
    )
