"""Who may be chosen as a person: the one queryset every person picker offers."""

from django.db.models import QuerySet
from django.db.models.functions import Collate

# PostgreSQL's ICU collation for Chinese: names sort by pinyin (李 before 王 before 张).
PINYIN = "zh-x-icu"


def people() -> QuerySet:
    """Active staff, without superusers (the system administrator is no one's colleague),
    ordered by department, then name. Narrow it (`.filter(...)`) for a role or a department."""
    from office.models import User

    return User.objects.filter(is_active=True, is_superuser=False).order_by(
        "department__order",
        Collate("department__name", PINYIN),
        Collate("name", PINYIN),
        "username",
    )
