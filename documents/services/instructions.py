"""呈批: the rows of the leaders a 拟办 goes to, in sequence or together; steps inside the
incoming services (incoming_propose, incoming_instruct, incoming_return), which lock the
document and check their actor."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.models import Instruction
from office.errors import DomainError
from office.i18n import Message
from office.roles import Role, users_with_role
from office.services import notify

from .access import grant_access

R = Instruction.Status


def leaders_to_ask(leaders) -> list:
    """The leaders named, each once, in the order given; none named: the directors."""
    if leaders is None:
        leaders = list(users_with_role(Role.DIRECTOR).order_by("pk"))
    unique = list({leader.pk: leader for leader in leaders if leader is not None}.values())
    if not unique:
        raise DomainError(_("Choose at least one leader to submit it to."))
    if any(not leader.is_active for leader in unique):
        raise DomainError(_("A leader you chose no longer has an account."))
    from documents.selectors import leader_choices

    if leader_choices().filter(pk__in=[u.pk for u in unique]).count() != len(unique):
        raise DomainError(
            _("A 拟办 goes to a director or to the head of a department, who instructs on it.")
        )
    return unique


def route(*, document, leaders, together: bool, by) -> list[Instruction]:
    """One row per leader; the first (or, together, every) row awaits its 批示 at once."""
    rows = Instruction.objects.bulk_create(
        Instruction(
            document=document,
            leader=leader,
            order=1 if together else number,
            status=R.PENDING if together or number == 1 else R.WAITING,
        )
        for number, leader in enumerate(leaders, start=1)
    )
    # The leaders are named in its workflow: a secret document's access list holds them.
    grant_access(document=document, users=leaders, by=by)
    _ask(document=document, leaders=[row.leader for row in rows if row.status == R.PENDING], by=by)
    return rows


def row_for(document, user) -> Instruction | None:
    """The user's row, locked; a director instructing a document proposed before 呈批 rows
    existed gets one."""
    row = document.instructions.select_for_update().filter(leader=user).first()
    if row is None and can.is_director(user) and not document.instructions.exists():
        row = Instruction.objects.create(document=document, leader=user, status=R.PENDING)
    return row


def advance(*, document, by) -> bool:
    """After a 批示: when no row awaits any more, the next leaders in sequence are asked.
    True when every leader has instructed."""
    open_rows = list(document.instructions.filter(status__in=(R.PENDING, R.WAITING)))
    if not open_rows:
        return True
    if not any(row.status == R.PENDING for row in open_rows):
        order = min(row.order for row in open_rows)
        following = [row for row in open_rows if row.order == order]
        Instruction.objects.filter(pk__in=[row.pk for row in following]).update(status=R.PENDING)
        _ask(document=document, leaders=[row.leader for row in following], by=by)
    return False


def withdraw(document) -> int:
    """The document was returned: the 批示 not yet given are no longer asked for."""
    return document.instructions.filter(status__in=(R.PENDING, R.WAITING)).update(
        status=R.CANCELLED
    )


def _ask(*, document, leaders, by) -> None:
    notify(
        recipients=leaders,
        actor=by,
        kind="documents.awaiting_instruction",
        title=Message(gettext_noop("Awaiting your instruction: %(title)s"), title=document.title),
        body=document.proposal,
        url=document.get_absolute_url(),
    )
