from django.urls import path

from . import views

app_name = "supplies"

urlpatterns = [
    path("", views.index, name="index"),
    path("receive/", views.stock_receive, name="receive"),
    path("items/", views.item_list, name="items"),
    path("items/new/", views.item_create, name="item_create"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("requisitions/", views.requisition_list, name="requisitions"),
    path("requisitions/new/", views.requisition_create, name="requisition_create"),
    path("requisitions/<int:pk>/", views.requisition_detail, name="requisition"),
    path("requisitions/<int:pk>/decide/", views.requisition_decide, name="requisition_decide"),
    path("requisitions/<int:pk>/issue/", views.requisition_issue, name="requisition_issue"),
    path("requisitions/<int:pk>/cancel/", views.requisition_cancel, name="requisition_cancel"),
    path("requisitions/<int:pk>/slip.pdf", views.requisition_pdf, name="requisition_pdf"),
    path("purchases/", views.purchase_list, name="purchases"),
    path("purchases/new/", views.purchase_create, name="purchase_create"),
    path("purchases/<int:pk>/", views.purchase_detail, name="purchase"),
    path("purchases/<int:pk>/decide/", views.purchase_decide, name="purchase_decide"),
    path("purchases/<int:pk>/receive/", views.purchase_receive, name="purchase_receive"),
    path("purchases/<int:pk>/cancel/", views.purchase_cancel, name="purchase_cancel"),
    path("stores/<int:store_id>/stocktake/", views.stocktake_create, name="stocktake_create"),
    path("stocktakes/<int:pk>/", views.stocktake_detail, name="stocktake"),
    path("assets/", views.asset_list, name="assets"),
    path("assets/new/", views.asset_edit, name="asset_create"),
    path("assets/<int:pk>/", views.asset_detail, name="asset"),
    path("assets/<int:pk>/edit/", views.asset_edit, name="asset_edit"),
    path("assets/<int:pk>/transfer/", views.asset_transfer, name="asset_transfer"),
    path("assets/<int:pk>/repair/", views.asset_repair, name="asset_repair"),
    path("repairs/<int:pk>/done/", views.repair_done, name="repair_done"),
    path("statistics/", views.statistics, name="statistics"),
    path("stock.xlsx", views.export_stock, name="stock_xlsx"),
    path("movements.xlsx", views.export_movements, name="movements_xlsx"),
    path("assets.xlsx", views.export_assets, name="assets_xlsx"),
]
