"""Scale data for benchmarks: thousands of numbered documents, bulk-created
(documents.demo.seed_scale, the `manage.py seed_scale --documents N` contract)."""

import random
from datetime import timedelta

from django.utils.timezone import localdate, now

from office.demo import user

WORDS = [
    "会议",
    "值班",
    "预算",
    "安全生产",
    "防汛",
    "档案",
    "培训",
    "督查",
    "节能",
    "公文",
    "信息化",
    "人事",
    "接待",
    "保密",
    "应急",
]


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` incoming and count // 4 outgoing documents (only the
    missing ones are bulk-created, 10% secret); returns how many incoming were added."""
    from django.db.models import Max

    from documents.demo import BODY, SOURCES
    from documents.models import IncomingDocument, OutgoingDocument, SerialCounter
    from office.models import User

    clerk = user("clerk")
    staff = list(User.objects.filter(is_active=True)[:12])
    year = localdate().year
    rng = random.Random(20261123)
    start = (IncomingDocument.objects.filter(year=year).aggregate(m=Max("serial"))["m"] or 0) + 1
    wanted = count
    count = max(0, wanted - IncomingDocument.objects.count())  # from here: how many to add
    batch = 5000
    through = IncomingDocument.access_list.through
    made = 0
    while made < count:
        size = min(batch, count - made)
        rows = []
        for i in range(size):
            serial = start + made + i
            a, b = rng.sample(WORDS, 2)
            org, prefix = SOURCES[serial % len(SOURCES)]
            rows.append(
                IncomingDocument(
                    year=year,
                    serial=serial,
                    number=f"收文〔{year}〕{serial}号",
                    title=f"关于{a}和{b}工作的通知（{serial}）",
                    kind="notice",
                    urgency="normal",
                    security_level="secret" if serial % 10 == 0 else "internal",
                    source_org=org,
                    source_number=f"{prefix}〔{year}〕{serial}号",
                    received_at=now() - timedelta(minutes=serial),
                    registered_by=clerk,
                    status=rng.choice(
                        ["registered", "proposed", "instructed", "handling", "completed"]
                    ),
                    keywords=f"{a} {b}",
                    summary=f"{org}来文，涉及{a}、{b}等事项。",
                )
            )
        for row in rows:  # bulk_create bypasses save(): fill the search column here
            row.search_text = row.build_search_text()
        created = IncomingDocument.objects.bulk_create(rows, batch_size=batch)
        through.objects.bulk_create(
            [
                through(incomingdocument_id=d.pk, user_id=rng.choice(staff).pk)
                for d in created
                if d.security_level == "secret"
            ],
            ignore_conflicts=True,
        )
        made += size
        log(f"documents: {made}/{count} incoming")
    if count:
        SerialCounter.objects.update_or_create(
            series="incoming", year=year, defaults={"last": start + count - 1}
        )
    outgoing_missing = max(0, wanted // 4 - OutgoingDocument.objects.count())
    outgoing = [
        OutgoingDocument(
            series="ban",
            title=f"关于{rng.choice(WORDS)}工作安排的通知（{i}）",
            kind="notice",
            status="draft",
            main_recipients="各处室",
            body=BODY,
            drafted_by=clerk,
            department=clerk.department,
            issuer="示范单位办公室",
            security_level="secret" if i % 10 == 0 else "internal",
        )
        for i in range(outgoing_missing)
    ]
    for row in outgoing:
        row.search_text = row.build_search_text()
    OutgoingDocument.objects.bulk_create(outgoing, batch_size=batch)
    log(f"documents: {count} incoming and {outgoing_missing} outgoing documents added")
    return count
