import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Department(models.Model):
    """An organisational unit; departments form a tree (处室 under 办公室 ...)."""

    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=30, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    head = models.ForeignKey(
        "office.User",
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_departments",
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class User(AbstractUser):
    """A member of staff. `name` is the full Chinese name shown everywhere."""

    name = models.CharField(_("full name"), max_length=50, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    title = models.CharField(_("job title"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    calendar_token = models.CharField(
        _("calendar token"), max_length=64, unique=True, default=new_calendar_token
    )
    # The language last chosen with the switch: notifications, e-mails and webhooks to this
    # person are written in it (office.i18n.user_language); empty = the portal's language.
    language = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """The stored name; else family name first, as Chinese is written (李明, not "明 李")."""
        if self.name:
            return self.name
        first, last = self.first_name.strip(), self.last_name.strip()
        if any("\u3400" <= ch <= "\u9fff" for ch in first + last):
            return f"{last}{first}"
        return super().get_full_name()

    def get_short_name(self) -> str:
        return self.name or super().get_short_name()

    def get_absolute_url(self) -> str:
        return reverse("profile")

    def role_names(self) -> frozenset[str]:
        """The user's role (group) names, fetched once per request-bound user object."""
        if not hasattr(self, "_role_names_cache"):
            self._role_names_cache = frozenset(self.groups.values_list("name", flat=True))
        return self._role_names_cache

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_names().intersection(roles))
