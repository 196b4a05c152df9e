"""Every write of the supplies app: stock, requisitions, purchases, assets and repairs."""

from .assets import asset_save, asset_transfer, repair_done, repair_report
from .purchases import (
    purchase_cancel,
    purchase_chain_approved,
    purchase_chain_returned,
    purchase_decide,
    purchase_receive,
    purchase_request,
    purchase_title,
)
from .requisitions import (
    requisition_cancel,
    requisition_chain_approved,
    requisition_chain_returned,
    requisition_decide,
    requisition_issue,
    requisition_request,
    requisition_title,
)
from .stock import Line, item_save, item_update, stock_receive, stocktake_record

__all__ = [
    "Line",
    "asset_save",
    "asset_transfer",
    "item_save",
    "item_update",
    "purchase_cancel",
    "purchase_chain_approved",
    "purchase_chain_returned",
    "purchase_decide",
    "purchase_receive",
    "purchase_request",
    "purchase_title",
    "repair_done",
    "repair_report",
    "requisition_cancel",
    "requisition_chain_approved",
    "requisition_chain_returned",
    "requisition_decide",
    "requisition_issue",
    "requisition_request",
    "requisition_title",
    "stock_receive",
    "stocktake_record",
]
