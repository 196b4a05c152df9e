"""Chronicle demo data: accepted entries written by hand over the months before loading, and
the sweep run once over the other apps' demo data so a few suggestions wait for the clerk.

Through the services (audit); idempotent: a second run adds nothing."""

import datetime

from django.utils import timezone

from office.models import User

from . import services
from .models import Entry

MARK = "（演示）"

# (days before loading, title, details, importance)
HAND = [
    (12, "召开全县安全生产工作会议", "部署岁末年初安全生产工作。", "high"),
    (41, "县政府办公室完成年度公文归档", "", "normal"),
    (73, "接待省政府督查组", "督查组听取重点工作汇报，实地查看两个项目。", "high"),
    (104, "开展值班值守专项检查", "", "normal"),
    (136, "印发《政务信息工作要点》", "", "normal"),
]


def seed(log) -> None:
    if Entry.objects.filter(title__endswith=MARK).exists():
        log("chronicle: demo data already present")
        return
    clerk = User.objects.get(username="clerk")
    today = timezone.localdate()
    for days, title, body, importance in HAND:
        services.entry_create(
            by=clerk,
            date=today - datetime.timedelta(days=days),
            title=title + MARK,
            body=body,
            importance=importance,
        )
    made = services.suggestions_sweep(days=120)
    log(f"chronicle: {len(HAND)} entries, {made} suggestions waiting")
