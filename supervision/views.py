from django.shortcuts import get_object_or_404, render

from .selectors import tasks_for


def index(request):
    return render(request, "supervision/index.html")


def task_detail(request, pk):
    task = get_object_or_404(tasks_for(request.user), pk=pk)
    return render(request, "supervision/task_detail.html", {"task": task})
