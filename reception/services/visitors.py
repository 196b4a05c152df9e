"""One more person for a visit already registered (a colleague comes along)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from ..models import Visit, Visitor
from .visits import VisitorData, new_visitor, party_line

# The registration form's limit (forms.MAX_GROUP); adding people one by one keeps to it too.
MAX_VISITORS = 50


@transaction.atomic
def visitor_add(*, visit_id: int, by, visitor: VisitorData) -> Visitor:
    """One more person joins an open visit (a colleague comes along); the party line and the
    headcount follow. Reception checks them in as any other member of the group."""
    visit = Visit.objects.select_for_update().select_related("host").get(pk=visit_id)
    require_actor(perms.may_edit_visit(by, visit))
    if not perms.visit_takes_visitors(visit):
        raise DomainError(_("Visitors can only be added to a visit that is expected or under way."))
    names = list(visit.visitors.values_list("name", flat=True))
    if len(names) >= MAX_VISITORS:
        raise DomainError(_("A visit has at most %(count)d visitors.") % {"count": MAX_VISITORS})
    last = visit.visitors.order_by("-order").values_list("order", flat=True).first()
    added = new_visitor(visit, (last or 0) + 1 if names else 0, visitor)
    added.save()
    visit.party, visit.headcount = party_line([*names, visitor.name]), len(names) + 1
    visit.save(update_fields=["party", "headcount"])
    audit(
        actor=by,
        verb="reception.visitor_added",
        target=visit,
        data={"subject": visitor.name, "visitor": visitor.name},
    )
    if visit.host_id != by.pk:
        notify(
            recipients=[visit.host],
            title=Message(
                gettext_noop("A visitor was added to your visit: %(name)s"), name=visitor.name
            ),
            body=str(visit),
            url=visit.get_absolute_url(),
            kind="reception.visitor_added",
            actor=by,
        )
    return added
