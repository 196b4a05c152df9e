"""Posts and shift templates: set up by a shift leader or the director."""

from datetime import time

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from duty.models import Post, ShiftTemplate
from duty.permissions import can_manage_roster
from office.errors import DomainError, require_actor
from office.services import audit


@transaction.atomic
def post_create(*, name: str, description: str = "", by) -> Post:
    require_actor(can_manage_roster(by))
    try:
        with transaction.atomic():
            post = Post.objects.create(
                name=name, description=description, order=Post.objects.count()
            )
    except IntegrityError as exc:
        raise DomainError(_("A post with this name already exists.")) from exc
    audit(actor=by, verb="duty.post_created", target=post)
    return post


@transaction.atomic
def template_create(*, name: str, start_time: time, end_time: time, by) -> ShiftTemplate:
    """A shift whose end is at or before its start runs into the next day (e.g. 夜班)."""
    require_actor(can_manage_roster(by))
    try:
        with transaction.atomic():
            template = ShiftTemplate.objects.create(
                name=name,
                start_time=start_time,
                end_time=end_time,
                order=ShiftTemplate.objects.count(),
            )
    except IntegrityError as exc:
        raise DomainError(_("A shift template with this name already exists.")) from exc
    audit(actor=by, verb="duty.template_created", target=template)
    return template
