from django.shortcuts import render


def index(request):
    return render(request, "duty/index.html")
