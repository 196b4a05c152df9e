"""Who may do what to an item. Views ask the `may_*` predicates (who: else 403) and let the
service refuse a wrong state with a message; templates ask `can_*` (who and state) to show
or hide buttons."""

from office.roles import has_role

from .models import Extension, Task

FILERS = ("clerk", "supervisor", "director")
WITH_OWNER = (Task.Status.ASSIGNED, Task.Status.IN_PROGRESS)


def is_co_owner(user, task: Task) -> bool:
    # .all() so a prefetch (the detail page has one) answers without a query
    return any(person.pk == user.pk for person in task.co_owners.all())


def can_file(user) -> bool:
    return has_role(user, *FILERS)


# who


def may_handle(user, task: Task) -> bool:
    """Accept, request completion or an extension: the owner."""
    return user.pk == task.owner_id


def may_report(user, task: Task) -> bool:
    return user.pk == task.owner_id or is_co_owner(user, task)


def may_review(user, task: Task) -> bool:
    """Verify or send back: a supervisor, never on an item they own themselves."""
    return has_role(user, "supervisor") and user.pk != task.owner_id


def may_cancel(user, task: Task) -> bool:
    return user.pk == task.assigned_by_id


def may_decide_extension(user, extension: Extension) -> bool:
    """The approver of the request's chain step (supervision.approvals: the assigner, or a
    director standing in); a request without a pending chain is asked of the rule's step."""
    from office.services.approvals import current_step, may_decide

    from .approvals import RULE

    step = current_step(extension, rule=RULE, requested_by=extension.requested_by)
    return may_decide(user, step)


def may_chase(user, task: Task) -> bool:
    """Chase (催办): a supervisor or the director, never on an item they own."""
    return has_role(user, "supervisor", "director") and user.pk != task.owner_id


def may_instruct(user, task: Task) -> bool:
    """Comments and instructions (批示): a supervisor or the director."""
    return has_role(user, "supervisor", "director")


def may_split(user, task: Task) -> bool:
    """Split (分解) among the co-owners: the owner, of an item that is not itself a part."""
    return user.pk == task.owner_id and task.parent_id is None


def can_see_circular(user) -> bool:
    return has_role(user, "supervisor", "director")


# who and when (buttons)


def can_accept(user, task: Task) -> bool:
    return task.status == Task.Status.ASSIGNED and may_handle(user, task)


def can_report(user, task: Task) -> bool:
    return task.status in WITH_OWNER and may_report(user, task)


def can_request_completion(user, task: Task) -> bool:
    return task.status == Task.Status.IN_PROGRESS and may_handle(user, task)


def can_request_extension(user, task: Task, *, pending: Extension | None = None) -> bool:
    return task.status in WITH_OWNER and may_handle(user, task) and pending is None


def can_review(user, task: Task) -> bool:
    return task.status == Task.Status.COMPLETION_REQUESTED and may_review(user, task)


def can_cancel(user, task: Task) -> bool:
    return task.is_open and may_cancel(user, task)


def can_decide_extension(user, extension: Extension) -> bool:
    return extension.status == Extension.Status.PENDING and may_decide_extension(user, extension)


def can_chase(user, task: Task) -> bool:
    return task.is_open and may_chase(user, task)


def can_reply(user, task: Task) -> bool:
    return task.is_open and may_report(user, task)


def can_instruct(user, task: Task) -> bool:
    return task.is_open and may_instruct(user, task)


def can_split(user, task: Task) -> bool:
    return task.status in WITH_OWNER and may_split(user, task)
