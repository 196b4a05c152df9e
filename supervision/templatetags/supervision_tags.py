"""For other apps' pages: the supervision items of a record, as the viewer may see them.

{% load supervision_tags %}{% supervision_items document %}
"""

from django import template

from supervision.selectors import tasks_for, tasks_for_source

register = template.Library()


@register.inclusion_tag("supervision/partials/_source_items.html", takes_context=True)
def supervision_items(context, source):
    """The items filed from `source` that the current user may open (others stay unseen)."""
    user = context.get("user")
    tasks = tasks_for_source(source).filter(pk__in=tasks_for(user).values("pk"))
    return {"tasks": list(tasks.order_by("deadline", "pk")), "source": source}
