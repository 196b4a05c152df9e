"""The verify page: is an uploaded PDF one of ours, unaltered; which document, who approved."""

from django.shortcuts import render

from seals import selectors, signing
from seals.forms import VerifyForm


def verify(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    verdict = use = None
    if request.method == "POST" and form.is_valid():
        verdict = signing.verify_pdf(form.cleaned_data["pdf"].read())
        if verdict.ours and verdict.intact:
            use = selectors.use_by_token(verdict.token)
    return render(request, "seals/verify.html", {"form": form, "verdict": verdict, "use": use})
