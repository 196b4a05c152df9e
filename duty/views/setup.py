"""Posts and shift templates, kept by shift leaders and the director."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from duty.forms import PostForm, ShiftTemplateForm
from duty.models import Post, ShiftTemplate
from duty.permissions import can_manage_roster
from duty.services.setup import post_create, template_create
from duty.views.common import require_duty_access
from office.errors import DomainError


def setup(request):
    require_duty_access(request.user)
    if not can_manage_roster(request.user):
        raise PermissionDenied
    post_form, template_form = PostForm(), ShiftTemplateForm()
    if request.method == "POST":
        adding_post = "post-name" in request.POST
        form = PostForm(request.POST) if adding_post else ShiftTemplateForm(request.POST)
        if form.is_valid():
            try:
                if adding_post:
                    post_create(by=request.user, **form.cleaned_data)
                else:
                    template_create(by=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Saved."))
                return redirect("duty:setup")
        if adding_post:
            post_form = form
        else:
            template_form = form
    return render(
        request,
        "duty/setup.html",
        {
            "posts": Post.objects.all(),
            "templates": ShiftTemplate.objects.all(),
            "post_form": post_form,
            "template_form": template_form,
        },
    )
