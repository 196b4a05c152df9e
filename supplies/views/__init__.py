from .assets import asset_detail, asset_edit, asset_list, asset_repair, asset_transfer, repair_done
from .purchases import (
    purchase_cancel,
    purchase_create,
    purchase_decide,
    purchase_detail,
    purchase_list,
    purchase_receive,
)
from .requisitions import (
    requisition_cancel,
    requisition_create,
    requisition_decide,
    requisition_detail,
    requisition_issue,
    requisition_list,
    requisition_pdf,
)
from .stats import export_assets, export_movements, export_stock, statistics
from .stock import (
    index,
    item_create,
    item_edit,
    stock_receive,
    stocktake_create,
    stocktake_detail,
)

__all__ = [
    "asset_detail",
    "asset_edit",
    "asset_list",
    "asset_repair",
    "asset_transfer",
    "export_assets",
    "export_movements",
    "export_stock",
    "index",
    "item_create",
    "item_edit",
    "stock_receive",
    "purchase_cancel",
    "purchase_create",
    "purchase_decide",
    "purchase_detail",
    "purchase_list",
    "purchase_receive",
    "repair_done",
    "requisition_cancel",
    "requisition_create",
    "requisition_decide",
    "requisition_detail",
    "requisition_issue",
    "requisition_list",
    "requisition_pdf",
    "statistics",
    "stocktake_create",
    "stocktake_detail",
]
