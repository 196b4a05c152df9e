"""Every successful and failed login, and every logout, goes into the audit trail."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from office.middleware import client_ip
from office.services.audit import audit


@receiver(user_logged_in, dispatch_uid="office.audit_login")
def audit_login(sender, request, user, **kwargs):
    audit(actor=user, verb="auth.login", target=user, ip=client_ip(request) if request else None)


@receiver(user_logged_out, dispatch_uid="office.audit_logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit(
            actor=user, verb="auth.logout", target=user, ip=client_ip(request) if request else None
        )


@receiver(user_login_failed, dispatch_uid="office.audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).first()
    audit(
        actor=None,
        verb="auth.login_failed",
        target=user,
        data={"username": username},
        ip=client_ip(request) if request else None,
    )
