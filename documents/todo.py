"""The documents app's sources for the to-do inbox (office.todo); all scoped by selectors."""

from django.utils.translation import gettext_lazy as _

from office import todo

from . import selectors


def register_sources() -> None:
    for source in (
        todo.TodoSource(
            key="documents.awaiting_proposal",
            bucket=todo.TODO,
            label=_("Awaiting my proposal"),
            queryset=selectors.awaiting_proposal,
            date_field="received_at",
            due_field="deadline",
        ),
        todo.TodoSource(
            key="documents.awaiting_instruction",
            bucket=todo.TODO,
            label=_("Awaiting my instruction"),
            queryset=selectors.awaiting_instruction,
            date_field="received_at",
            due_field="deadline",
        ),
        todo.TodoSource(
            key="documents.my_handling",
            bucket=todo.TODO,
            label=_("My handling tasks"),
            queryset=selectors.my_handling,
            date_field="instructed_at",
            due_field="handling_due",
        ),
        todo.TodoSource(
            key="documents.awaiting_review",
            bucket=todo.TODO,
            label=_("Awaiting my review"),
            queryset=selectors.awaiting_review,
            date_field="updated_at",
        ),
        todo.TodoSource(
            key="documents.awaiting_signoff",
            bucket=todo.TODO,
            label=_("Awaiting my sign-off"),
            queryset=selectors.awaiting_signoff,
            date_field="updated_at",
        ),
        todo.TodoSource(
            key="documents.circulations",
            bucket=todo.TO_READ,
            label=_("Circulated to me"),
            queryset=selectors.circulations_to_read,
            date_field="sent_at",
        ),
        todo.TodoSource(
            key="documents.distributions",
            bucket=todo.TO_READ,
            label=_("Issued to me"),
            queryset=selectors.distributions_to_read,
            date_field="delivered_at",
        ),
        todo.TodoSource(
            key="documents.notices",
            bucket=todo.TO_READ,
            label=_("Notices"),
            queryset=selectors.notices_to_read,
            date_field="published_at",
        ),
    ):
        todo.register(source)
