"""Stock pages: the stock list per store (the landing page), stock-taking (盘点)."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from office.pagination import paginate
from office.params import int_param, text_param
from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from .. import permissions, selectors, services
from ..forms import ItemEditForm, ItemForm, ReceiptForm, StockTakeForm
from ..models import Item, StockTake, Store


def index(request):
    q = text_param(request, "q", max_length=50)
    stores = list(Store.objects.all())
    store_id = int_param(request, "store", None, minimum=1)
    store = next((s for s in stores if s.pk == store_id), None)
    levels = selectors.stock_list(q=q, store=store)
    context = {
        "page": paginate(request, levels, 50),
        "q": q,
        "stores": stores,
        "store": store,
        "keeper": permissions.may_keep_stock(request.user),
        "query": urlencode({"store": store.pk if store else "", "q": q}),
    }
    return render(request, "supplies/index.html", context)


def stocktake_create(request, store_id: int):
    store = get_object_or_404(Store, pk=store_id)
    levels = selectors.stock_list(store=store)
    form = StockTakeForm(request.POST or None, levels=levels)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=form,
        perform=lambda data: services.stocktake_record(
            store=store, counted=data["counted"], by=request.user, note=data["note"]
        ),
        success=_("Stock-taking recorded; the differences are adjustments."),
        redirect_to=lambda take: take,
        page=lambda form: render(
            request, "supplies/stocktake_form.html", {"form": form, "store": store}
        ),
    )


def _take(request, pk):
    if not permissions.sees_all(request.user):
        raise PermissionDenied
    return get_object_or_404(StockTake.objects.select_related("store", "by"), pk=pk)


def stocktake_detail(request, pk: int):
    take = _take(request, pk)
    context = {"take": take, "lines": take.lines.select_related("item")}
    if request.GET.get("format") == "pdf":
        return pdf_response(
            render_pdf("supplies/pdf/stocktake.html", context), f"盘点表{take.pk:05d}.pdf"
        )
    return render(request, "supplies/stocktake_detail.html", context)


def stock_receive(request):
    form = ReceiptForm(request.POST or None)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=form,
        perform=lambda data: services.stock_receive(
            store=data["store"], lines=data["lines"], note=data["note"], by=request.user
        ),
        success=_("Received into stock."),
        redirect_to="supplies:index",
        page=lambda form: render(
            request, "supplies/request_form.html", {"form": form, "kind": "receipt"}
        ),
    )


def item_list(request):
    """The storekeeper's catalogue (物品目录): every entry, with or without stock, to edit."""
    if not permissions.may_keep_stock(request.user):
        raise PermissionDenied
    q = text_param(request, "q", max_length=50)
    page = paginate(request, selectors.catalogue(q=q), 50)
    context = {"page": page, "q": q, "query": urlencode({"q": q})}
    return render(request, "supplies/item_list.html", context)


def item_create(request):
    form = ItemForm(request.POST or None)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=form,
        perform=lambda data: services.item_save(item=form.instance, by=request.user),
        success=_("Saved."),
        redirect_to="supplies:items",
        page=lambda form: render(request, "supplies/asset_form.html", {"form": form, "item": True}),
    )


def item_edit(request, pk: int):
    """The storekeeper corrects a catalogue entry: name, unit, threshold, still in use."""
    item = get_object_or_404(Item, pk=pk)
    form = ItemEditForm(request.POST or None, instance=item)
    return action(
        request,
        allowed=permissions.may_keep_stock(request.user),
        form=form,
        perform=lambda data: services.item_update(item_id=pk, by=request.user, **data),
        success=_("Saved."),
        redirect_to=lambda saved: saved,
        page=lambda form: render(
            request, "supplies/item_form.html", {"form": form, "item": Item.objects.get(pk=pk)}
        ),
    )
