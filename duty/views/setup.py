"""Posts and shift templates, kept by shift leaders and the director."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from duty.forms import PostForm, ShiftTemplateForm
from duty.models import Post, ShiftTemplate
from duty.permissions import can_manage_roster
from duty.services.setup import post_create, template_create
from duty.views.common import require_duty_access
from office.views.actions import action


def setup(request):
    require_duty_access(request.user)
    adding_post = "post-name" in request.POST
    form = PostForm(request.POST) if adding_post else ShiftTemplateForm(request.POST or None)
    create = post_create if adding_post else template_create

    def page(form):
        forms = {"post_form": PostForm(), "template_form": ShiftTemplateForm()}
        forms["post_form" if adding_post else "template_form"] = form
        context = {"posts": Post.objects.all(), "templates": ShiftTemplate.objects.all(), **forms}
        return render(request, "duty/setup.html", context)

    return action(
        request,
        allowed=can_manage_roster(request.user),
        form=form,
        perform=lambda data: create(by=request.user, **data),
        success=_("Saved."),
        redirect_to="duty:setup",
        page=page,
    )
