"""The asset register (资产): list, page, add and change, transfer, repairs."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.pagination import paginate
from office.params import text_param
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import AssetForm, RepairDoneForm, RepairForm, TransferForm
from ..models import Asset, Repair


def asset_list(request):
    q = text_param(request, "q", max_length=50)
    status = request.GET.get("status", "")
    assets = selectors.asset_list(request.user, q=q, status=status)
    context = {
        "page": paginate(request, assets, 50),
        "q": q,
        "status": status,
        "statuses": Asset.Status.choices,
        "keeper": permissions.may_keep_stock(request.user),
        "query": urlencode({"status": status, "q": q}),
    }
    return render(request, "supplies/asset_list.html", context)


def _asset(request, pk):
    return get_object_or_404(selectors.assets_for(request.user), pk=pk)


def asset_detail(request, pk: int):
    asset = _asset(request, pk)
    user = request.user
    repairs = list(asset.repairs.select_related("handler", "reported_by"))
    context = {
        "asset": asset,
        "transfers": asset.transfers.select_related("from_custodian", "to_custodian", "by"),
        "repairs": [(r, permissions.can_close_repair(user, r)) for r in repairs],
        "keeper": permissions.may_keep_stock(user),
        "may_report": permissions.may_report_fault(user, asset)
        and asset.status not in (Asset.Status.REPAIR, Asset.Status.RETIRED),
        "transfer_form": TransferForm(initial={"location": asset.location}),
        "repair_form": RepairForm(),
        "done_form": RepairDoneForm(),
    }
    return render(request, "supplies/asset_detail.html", context)


def asset_edit(request, pk: int | None = None):
    asset = _asset(request, pk) if pk else Asset()
    form = AssetForm(request.POST or None, instance=asset)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=form,
        perform=lambda data: services.asset_save(asset=form.instance, by=request.user),
        success=_("Saved."),
        redirect_to=lambda saved: saved,
        page=lambda form: render(request, "supplies/asset_form.html", {"form": form}),
    )


@require_POST
def asset_transfer(request, pk: int):
    asset = _asset(request, pk)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=TransferForm(request.POST),
        perform=lambda data: services.asset_transfer(
            asset_id=asset.pk,
            to=data["to"],
            location=data["location"],
            note=data["note"],
            by=request.user,
        ),
        success=_("Transferred; both custodians have been told."),
        redirect_to=asset,
    )


@require_POST
def asset_repair(request, pk: int):
    asset = _asset(request, pk)
    return action(
        request,
        allowed=permissions.may_report_fault(request.user, asset),
        form=RepairForm(request.POST),
        perform=lambda data: services.repair_report(asset_id=asset.pk, by=request.user, **data),
        success=_("Repair requested; the handler has been told."),
        redirect_to=asset,
    )


@require_POST
def repair_done(request, pk: int):
    repair = get_object_or_404(
        Repair.objects.filter(asset__in=selectors.assets_for(request.user)), pk=pk
    )
    return action(
        request,
        allowed=permissions.may_close_repair(request.user, repair),
        form=RepairDoneForm(request.POST),
        perform=lambda data: services.repair_done(
            repair_id=repair.pk, outcome=data["outcome"], by=request.user
        ),
        success=_("Repair done."),
        redirect_to=repair.asset,
    )
