from django.conf import settings
from django.utils.functional import SimpleLazyObject

from office import navigation


def portal(request):
    """Navigation and the unread count for the base template; lazy, so pages that do not
    render the navigation (PDFs, partials, feeds) pay no query for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"organisation_name": settings.ORGANISATION_NAME}

    def unread():
        return user.notifications.filter(read_at__isnull=True).count()

    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "nav_entries": SimpleLazyObject(lambda: navigation.entries_for(user)),
        "unread_count": SimpleLazyObject(unread),
    }
