from django import template
from django.utils.translation import get_language

from office.roles import Role
from office.services.audit import VERB_LABELS, history_for

register = template.Library()


@register.filter
def verb_label(verb: str) -> str:
    return str(VERB_LABELS.get(verb, verb))


@register.filter
def role_label(name: str) -> str:
    try:
        return str(Role(name).label)
    except ValueError:
        return name


@register.simple_tag
def colon() -> str:
    """The colon after a label in the page's language: full-width in Chinese (主办人：张伟),
    a colon and a space in English. `{% translate "Driver" %}{% colon %}{{ name }}`."""
    return "：" if (get_language() or "").startswith("zh") else ": "


@register.simple_tag(takes_context=True)
def has_role(context, *roles: str) -> bool:
    user = context.get("user")
    return bool(user and user.is_authenticated and user.has_role(*roles))


@register.inclusion_tag("office/partials/_audit_history.html")
def audit_history(target, limit: int = 50):
    """{% audit_history object %}: the record's history, newest first."""
    return {"events": list(history_for(target)[:limit])}


@register.filter
def minutes(delta) -> int:
    """A timedelta as whole minutes (at least 1)."""
    try:
        return max(1, round(delta.total_seconds() / 60))
    except AttributeError:
        return 0


@register.simple_tag(takes_context=True)
def approval_chain(context, target, pdf: bool = False):
    """{% approval_chain obj %}: the record's approval steps and where it stands (two queries);
    `pdf=True` for the print layout (templates extending pdf/base.html)."""
    from django.template.loader import render_to_string

    from office.services.approvals import chain_for

    chain = chain_for(target) if target is not None else None
    if chain is None:
        return ""
    template = "pdf/_approval_chain.html" if pdf else "office/partials/_approval_chain.html"
    return render_to_string(template, {"chain": chain, "steps": chain.step_list})


@register.simple_tag(takes_context=True)
def related_panels(context, obj):
    """{% related_panels obj %}: what other apps show on this record's page (office.related)."""
    from django.utils.safestring import mark_safe

    from office.related import render_for

    request = context.get("request")
    if request is None or obj is None:
        return ""
    return mark_safe("".join(render_for(request, obj)))  # each panel is a rendered template
