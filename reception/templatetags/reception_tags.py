"""{% reception_can "check_in" visitor as ok %}: templates ask reception.permissions."""

from django import template

from reception import permissions

register = template.Library()

ALLOWED = {
    "check_in",
    "check_out",
    "cancel_visit",
    "edit_visit",
    "mark_no_show",
    "print_badges",
    "add_arrangement",
    "add_visitor",
    "edit_arrangement",
    "decide_arrangement",
    "complete_arrangement",
    "cancel_arrangement",
}


@register.simple_tag(takes_context=True)
def reception_can(context, action: str, obj) -> bool:
    if action not in ALLOWED:
        raise template.TemplateSyntaxError(f"unknown reception permission {action!r}")
    return getattr(permissions, f"can_{action}")(context["user"], obj)


@register.simple_tag(takes_context=True)
def reception_sees_all(context) -> bool:
    return permissions.sees_all_visits(context["user"])


@register.simple_tag(takes_context=True)
def reception_is_receptionist(context) -> bool:
    return permissions.is_receptionist(context["user"])


@register.simple_tag(takes_context=True)
def reception_may_roll_call(context) -> bool:
    return permissions.may_roll_call(context["user"])


STATUS_COLOURS = {
    "expected": "secondary",
    "arrived": "success",
    "left": "dark",
    "no_show": "warning",
    "cancelled": "light",
    "awaiting_approval": "warning",
    "planned": "info",
    "done": "success",
    "rejected": "danger",
}


@register.filter
def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, "secondary")
