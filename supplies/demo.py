"""Supplies demo data: a catalogue in two stores with receipts and a stock-taking, paper
running low, requisitions and purchases in every state, assets with a transfer and an open
repair, all placed relative to the moment of loading and made through the services (chains,
notices, audit). Idempotent: a second run adds nothing."""

import datetime
from decimal import Decimal

from django.utils import timezone

from office.models import User
from office.services.approvals import current_step

from . import services
from .models import Asset, Item, Movement, Purchase, Requisition, Store
from .services import Line

MARK = "（演示）"

CATALOGUE = [
    ("复印纸", "A4 70g 500张", "包", 20),
    ("复印纸", "A3 70g 500张", "包", 5),
    ("签字笔", "0.5mm 黑色", "支", 30),
    ("笔记本", "B5 80页", "本", 20),
    ("文件夹", "A4 双夹", "个", 10),
    ("墨盒", "HP 803 黑色", "个", 3),
    ("订书钉", "24/6", "盒", 5),
    ("档案盒", "A4 5cm", "个", 20),
]


def _approver(record):
    step = current_step(record)
    return step.person or User.objects.filter(groups__name=step.role).first()


def _approve_all(record, decide, **key):
    while record.status == record.Status.AWAITING_APPROVAL:
        decide(**key, by=_approver(record), approve=True)
        record.refresh_from_db()
    return record


def _backdate(model, pk, moment, **fields):
    """Place what the services stamped now at a moment before loading."""
    model.objects.filter(pk=pk).update(**fields)
    Movement.objects.filter(**{model._meta.model_name: pk}).update(at=moment)


def seed(log) -> None:
    if Requisition.objects.filter(purpose__endswith=MARK).exists():
        log("supplies: demo data already present")
        return
    keeper = User.objects.get(username="storekeeper")
    staff, clerk = User.objects.get(username="staff"), User.objects.get(username="clerk")
    sunli, huangtao = User.objects.get(username="sunli"), User.objects.get(username="huangtao")
    now = timezone.now()
    main, _c = Store.objects.get_or_create(name="一号库房（办公楼B1）", defaults={"order": 1})
    annex, _c = Store.objects.get_or_create(name="二号库房（附楼2层）", defaults={"order": 2})
    items = {}
    for name, spec, unit, threshold in CATALOGUE:
        items[name, spec], _c = Item.objects.get_or_create(
            name=name, spec=spec, defaults={"unit": unit, "threshold": threshold}
        )
    # A catalogue entry no longer stocked: kept for its history, not offered on requests.
    Item.objects.get_or_create(
        name="传真纸", spec="216mm×30m", defaults={"unit": "卷", "threshold": 0, "active": False}
    )
    paper, pens = items["复印纸", "A4 70g 500张"], items["签字笔", "0.5mm 黑色"]
    ink, notebooks = items["墨盒", "HP 803 黑色"], items["笔记本", "B5 80页"]

    # Opening stock, received three weeks ago; the annex holds a little of everything.
    opening = services.stock_receive(
        store=main,
        lines=[Line(item, 60 if item.unit == "包" else 80) for item in items.values()],
        by=keeper,
        note="期初入库" + MARK,
    )
    annex_in = services.stock_receive(
        store=annex,
        lines=[Line(paper, 30), Line(pens, 50), Line(ink, 6)],
        by=keeper,
        note="期初入库",
    )
    Movement.objects.filter(pk__in=[m.pk for m in opening + annex_in]).update(
        at=now - datetime.timedelta(days=21)
    )

    def requisition(by, store, purpose, lines, state, days):
        record = services.requisition_request(
            store=store, purpose=purpose + MARK, lines=[Line(i, n) for i, n in lines], by=by
        )
        if state in ("approved", "issued"):
            _approve_all(record, services.requisition_decide, requisition_id=record.pk)
        if state == "issued":
            services.requisition_issue(requisition_id=record.pk, by=keeper)
        if state == "returned":
            services.requisition_decide(
                requisition_id=record.pk, by=_approver(record), approve=False, reason="本月已领过"
            )
        if state == "cancelled":
            services.requisition_cancel(requisition_id=record.pk, by=by)
        moment = now - datetime.timedelta(days=days)
        _backdate(Requisition, record.pk, moment, created_at=moment)
        if state == "issued":
            Requisition.objects.filter(pk=record.pk).update(issued_at=moment)
        return record

    requisition(staff, main, "预算报表打印", [(paper, 20), (pens, 10)], "issued", 12)
    requisition(clerk, main, "收文登记", [(notebooks, 10), (pens, 20)], "issued", 6)
    # Paper falls to its threshold here: the storekeeper's low-stock alert.
    requisition(huangtao, main, "人事档案整理", [(paper, 20)], "issued", 2)
    requisition(sunli, main, "会议材料", [(paper, 10), (ink, 2)], "approved", 1)
    requisition(staff, annex, "日常办公", [(pens, 5)], "awaiting_approval", 0)
    requisition(clerk, main, "备用", [(ink, 3)], "returned", 3)
    requisition(staff, main, "重复申请", [(pens, 2)], "cancelled", 4)

    def purchase(by, store, purpose, lines, state, days):
        record = services.purchase_request(
            store=store,
            purpose=purpose + MARK,
            lines=[(Line(i, n), Decimal(p)) for i, n, p in lines],
            by=by,
        )
        if state in ("approved", "received"):
            _approve_all(record, services.purchase_decide, purchase_id=record.pk)
        if state == "received":
            services.purchase_receive(purchase_id=record.pk, by=keeper)
        if state == "returned":
            services.purchase_decide(
                purchase_id=record.pk, by=_approver(record), approve=True
            )  # the department head agrees, finance returns it
            services.purchase_decide(
                purchase_id=record.pk, by=_approver(record), approve=False, reason="超出本季度预算"
            )
        moment = now - datetime.timedelta(days=days)
        _backdate(Purchase, record.pk, moment, created_at=moment)
        if state == "received":
            Purchase.objects.filter(pk=record.pk).update(received_at=moment)
        return record

    purchase(sunli, main, "墨盒补货", [(ink, 10, "268.00")], "received", 5)
    purchase(staff, main, "复印纸季度采购", [(paper, 100, "25.50")], "approved", 2)
    purchase(
        clerk, main, "档案盒", [(items["档案盒", "A4 5cm"], 50, "6.80")], "awaiting_approval", 0
    )
    purchase(huangtao, annex, "碎纸机", [(items["文件夹", "A4 双夹"], 40, "3.20")], "returned", 3)

    # A month-end stock-taking of the annex: seven pens fewer than the books.
    services.stocktake_record(
        store=annex, counted={paper.pk: 30, pens.pk: 43, ink.pk: 6}, by=keeper, note="月末盘点"
    )

    assets = {}
    for tag, name, custodian, location, status in [
        ("ZC-2024-0001", "联想ThinkPad笔记本电脑", staff, "财务处301室", "in_use"),
        ("ZC-2024-0002", "惠普LaserJet打印机", clerk, "办公室205室", "in_use"),
        ("ZC-2024-0003", "爱普生投影仪", sunli, "第一会议室", "in_use"),
        ("ZC-2023-0010", "戴尔台式电脑", huangtao, "人事处402室", "idle"),
        ("ZC-2019-0007", "佳能复印机", clerk, "库房", "retired"),
    ]:
        existing = Asset.objects.filter(tag=tag).first()
        assets[tag] = existing or services.asset_save(
            asset=Asset(tag=tag, name=name, custodian=custodian, location=location, status=status),
            by=keeper,
        )
    services.asset_transfer(
        asset_id=assets["ZC-2024-0003"].pk,
        to=huangtao,
        location="第二会议室",
        by=keeper,
        note="会议室调整",
    )
    services.repair_report(
        asset_id=assets["ZC-2024-0002"].pk,
        fault="卡纸，打印有黑条" + MARK,
        handler=keeper,
        deadline=timezone.localdate() + datetime.timedelta(days=2),
        by=clerk,
    )
    log("supplies: catalogue, stock in two stores, requisitions, purchases and assets")
