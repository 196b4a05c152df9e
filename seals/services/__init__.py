"""Every write of the seals app: one function per step, locked, checked and audited."""

from .loans import loan_lend, loan_return
from .register import seal_create, seal_image_set, seal_retire, seal_update
from .requests import (
    request_apply,
    request_approve,
    request_cancel,
    request_create,
    request_return,
)

__all__ = [
    "loan_lend",
    "loan_return",
    "request_apply",
    "request_approve",
    "request_cancel",
    "request_create",
    "request_return",
    "seal_create",
    "seal_image_set",
    "seal_retire",
    "seal_update",
]
