"""Who gets told: the office's receptionists and directors."""

from office.models import User
from office.roles import Role


def users_with_role(role: str):
    return User.objects.filter(groups__name=Role(role).value, is_active=True).distinct()
