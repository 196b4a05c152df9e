"""The minutes PDF is a 纪要 (GB/T 9704-2012 10.3), measured from its glyph boxes."""

import io

import pdfplumber
from django.urls import reverse

from meetings.models import Attendance, Guest, Meeting

from .factories import AgendaItemFactory, MeetingFactory, MinutesFactory, at

MM = 72 / 25.4
P = 225 / 22
UNIT = 156 / 28
DISCUSSION = (
    "会议认为，节前安全检查关系到全体干部职工的生命财产安全，必须高度重视，"
    "各部门要按照职责分工，认真排查隐患，确保节日期间安全稳定。"
)


def _rows(page):
    grouped = {}
    for char in page.chars:
        grouped.setdefault(round(char["top"], 1), []).append(char)
    return [sorted(grouped[top], key=lambda c: c["x0"]) for top in sorted(grouped)]


def test_minutes_pdf_is_a_jiyao(client_for, clerk, director, staff):
    meeting = MeetingFactory(
        organiser=clerk, chair=director, recorder=clerk, title="安全工作例会", kind="office"
    )
    Meeting.objects.filter(pk=meeting.pk).update(status="held", start=at(-1, 9), end=at(-1, 10))
    for user in (clerk, director):
        Attendance.objects.create(meeting=meeting, user=user, presence="present")
    Attendance.objects.create(meeting=meeting, user=staff, presence="excused")
    Guest.objects.create(meeting=meeting, name="张三", organisation="市财政局")
    AgendaItemFactory(meeting=meeting, title="节前安全检查", discussion=DISCUSSION * 4)
    MinutesFactory(meeting=meeting, status="approved", summary="会议听取了各部门工作汇报。")

    response = client_for(clerk).get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = pdfplumber.open(io.BytesIO(response.content))
    rows = [row for page in pdf.pages for row in _rows(page)]
    texts = ["".join(c["text"] for c in row) for row in rows]

    # The red 纪要 标志, 35 mm below the 版心 top, in the bold Song face.
    mark = rows[texts.index("办公会议纪要")]
    assert abs(mark[0]["top"] / MM - 72) <= 1
    assert tuple(mark[0]["non_stroking_color"]) == (1, 0, 0)
    assert mark[0]["fontname"].endswith("FandolSong-Bold")
    # Agenda topics as 一、 headings in 黑体; the text on the 28-character grid.
    heading = rows[next(i for i, t in enumerate(texts) if t.startswith("一、节前安全检查"))]
    assert heading[0]["fontname"].endswith("FandolHei")
    full = [row for row, text in zip(rows, texts, strict=True) if len(text) == 28]
    assert full and all(abs(row[-1]["x1"] / MM - 184) <= 1 for row in full)

    # 出席 / 请假 / 列席 after the text: 3号黑体 labels two characters in, names in 仿宋.
    labels = {}
    for label in ("出席", "请假", "列席"):
        index = next(i for i, t in enumerate(texts) if t.startswith(label + "："))
        labels[label] = index
        row = rows[index]
        assert round(row[0]["size"]) == 16 and row[0]["fontname"].endswith("FandolHei")
        assert row[3]["fontname"].endswith("FandolFang")
        assert abs(row[0]["x0"] / MM - (28 + 2 * UNIT)) <= 1
    assert labels["出席"] > texts.index(next(t for t in texts if t.startswith("会议认为")))
    assert labels["出席"] < labels["请假"] < labels["列席"]
    assert "市财政局张三" in texts[labels["列席"]]
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "办公会议纪要" in text and "安全工作例会" in text
