"""Who may do what with seals. `may_*` ask only who (the services use them); `can_*` also
ask when (views and buttons)."""

from office.roles import Role


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_director(user) -> bool:
    return _active(user) and user.has_role(Role.DIRECTOR)


def is_keeper(user) -> bool:
    return _active(user) and user.has_role(Role.SEAL_KEEPER)


def may_manage_seals(user) -> bool:
    """The register (new seals, their chain, images, retiring) is the director's."""
    return is_director(user)


def keeps(user, seal) -> bool:
    return _active(user) and seal.custodian_id == user.pk


def may_request(user) -> bool:
    return _active(user)


def may_apply(user, request) -> bool:
    """Apply the seal to an approved document request: the requester, the custodian or the
    director; a paper use is stamped and recorded by the custodian (or the director)."""
    if request.document_id:
        return request.requested_by_id == user.pk or keeps(user, request.seal) or is_director(user)
    return keeps(user, request.seal) or is_director(user)


def can_apply(user, request) -> bool:
    return request.status == request.Status.APPROVED and may_apply(user, request)


def may_cancel(user, request) -> bool:
    return _active(user) and request.requested_by_id == user.pk


def can_cancel(user, request) -> bool:
    return may_cancel(user, request) and request.status in (
        request.Status.PENDING,
        request.Status.APPROVED,
    )


def may_see_uses(user) -> bool:
    """The use log is the custodians' and the director's."""
    return is_director(user) or is_keeper(user)


def may_lend(user, seal) -> bool:
    return keeps(user, seal) or is_director(user)


def can_lend(user, seal) -> bool:
    return seal.status == seal.Status.IN_USE and may_lend(user, seal)


def may_confirm_return(user, loan) -> bool:
    """The return is confirmed by the custodian (the director stands in)."""
    return keeps(user, loan.seal) or is_director(user)


def can_confirm_return(user, loan) -> bool:
    return loan.status == loan.Status.OUT and may_confirm_return(user, loan)
