"""Documents at scale: list, search and PDF times at 100,000 documents (BENCH_DOCUMENTS=N)."""

import os

from benchmarks.common import client_for, get_ok, median_seconds, report, setup_django

TARGET = int(os.environ.get("BENCH_DOCUMENTS", "100000"))


def main() -> None:
    setup_django()
    import time

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents import demo
    from documents.models import IncomingDocument, OutgoingDocument
    from office import demo as office_demo

    office_demo.seed(lambda message: None)
    have = IncomingDocument.objects.count()
    if have < TARGET:
        start = time.perf_counter()
        demo.seed_scale(TARGET, lambda message: print(message, flush=True))
        print(f"seeded {TARGET - have} in {time.perf_counter() - start:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total = IncomingDocument.objects.count()
    clerk, staff, director = client_for("clerk"), client_for("staff"), client_for("director")
    document = IncomingDocument.objects.filter(security_level="internal").order_by("-pk").first()
    outgoing = OutgoingDocument.objects.filter(security_level="internal").order_by("-pk").first()
    pages = {
        "incoming list, first page (clerk)": (clerk, "/documents/incoming/"),
        "incoming list, page 200 (clerk)": (clerk, "/documents/incoming/?page=200"),
        "incoming list, filter status+level (staff)": (
            staff,
            "/documents/incoming/?status=handling&security_level=internal",
        ),
        "incoming list, search 会议 (staff)": (staff, "/documents/incoming/?q=会议"),
        "search all, 会议 (staff)": (staff, "/documents/search/?q=会议"),
        "search all, 值班 (director)": (director, "/documents/search/?q=值班"),
        "search all, receipt number (clerk)": (clerk, f"/documents/search/?q={document.number}"),
        "incoming detail (clerk)": (clerk, f"/documents/incoming/{document.pk}/"),
        "收文处理单 PDF (clerk)": (clerk, f"/documents/incoming/{document.pk}/pdf/"),
        "outgoing list, first page (clerk)": (clerk, "/documents/outgoing/"),
        "GB/T 9704 document PDF (clerk)": (clerk, f"/documents/outgoing/{outgoing.pk}/pdf/"),
        "发文稿纸 PDF (clerk)": (clerk, f"/documents/outgoing/{outgoing.pk}/sheet.pdf"),
    }
    rows = []
    for name, (client, url) in pages.items():
        with CaptureQueriesContext(connection) as queries:
            get_ok(client, url)
        rows.append(
            (
                f"{name} [{len(queries)} q]",
                median_seconds(lambda c=client, u=url: get_ok(c, u), repeat=5),
            )
        )
    report(f"Documents at {total} incoming documents", rows)


if __name__ == "__main__":
    main()
