"""For other apps' pages: the supervision items of a record, as the viewer may see them.

{% load supervision_tags %}{% supervision_items document %}
{% supervision_items minutes.resolutions.all %}   (several records of one model: one query)
"""

from django import template
from django.db.models import Model

from supervision.selectors import tasks_for, tasks_for_records, tasks_for_source

register = template.Library()


@register.inclusion_tag("supervision/partials/_source_items.html", takes_context=True)
def supervision_items(context, source):
    """The items filed from `source` (a record, or records of one model) the user may open."""
    user = context.get("user")
    tasks = tasks_for_source(source) if isinstance(source, Model) else tasks_for_records(source)
    tasks = tasks.filter(pk__in=tasks_for(user).values("pk"))
    return {"tasks": list(tasks.order_by("deadline", "pk")), "source": source}
