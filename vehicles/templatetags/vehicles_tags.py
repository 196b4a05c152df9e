from django import template

register = template.Library()

COLOURS = {
    "awaiting_approval": "warning",
    "approved": "info",
    "dispatched": "primary",
    "completed": "success",
    "returned": "danger",
    "cancelled": "secondary",
    "active": "primary",
    "replaced": "secondary",
}


@register.filter
def trip_colour(status: str) -> str:
    return COLOURS.get(status, "secondary")
