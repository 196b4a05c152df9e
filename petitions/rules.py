"""The 信访工作条例's time rules and the category list, as settings (office.conf.setting)."""

from django.utils.translation import gettext_lazy as _

from office.conf import setting

DEFAULT_CATEGORIES = (
    ("land", _("Land and housing")),
    ("labour", _("Labour and social security")),
    ("environment", _("Environment")),
    ("administration", _("Administration and law enforcement")),
    ("urban", _("Urban management")),
    ("other", _("Other")),
)


def categories() -> list[tuple[str, str]]:
    """PETITIONS_CATEGORIES: (code, label) pairs; a code once used stays in the list."""
    return [
        (code, str(label)) for code, label in setting("PETITIONS_CATEGORIES", DEFAULT_CATEGORIES)
    ]


def category_label(code: str) -> str:
    return dict(categories()).get(code, code)


def accept_days() -> int:
    """Days from receipt to decide on acceptance (条例: 15)."""
    return setting("PETITIONS_ACCEPT_DAYS", 15, int)


def handle_days() -> int:
    """Days from acceptance to handle it (条例: 60)."""
    return setting("PETITIONS_HANDLE_DAYS", 60, int)


def extension_max_days() -> int:
    """The one extension's longest (条例: 30)."""
    return setting("PETITIONS_EXTENSION_MAX_DAYS", 30, int)


def review_days() -> int:
    """Days after the reply within which a review may be asked, and to give it (条例: 30)."""
    return setting("PETITIONS_REVIEW_DAYS", 30, int)


def remind_days_before() -> int:
    """The handling department's head is reminded this many days before the deadline."""
    return setting("PETITIONS_REMIND_DAYS_BEFORE", 3, int)


def retention_days() -> int:
    """A finished petition's ID number, phone and address are purged after this many days."""
    return setting("PETITIONS_PERSONAL_DATA_RETENTION_DAYS", 365, int)
