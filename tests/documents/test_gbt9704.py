"""GB/T 9704-2012 measured on the PDF itself: glyph boxes (pdfplumber) against the standard.

Distances between elements are between glyph boxes (the em box pdfplumber reports): "two
blank lines under A" means B's top is two line pitches (225/22 mm) below A's bottom.
"""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pdfplumber
import pytest
from django.urls import reverse

from .factories import OutgoingFactory

MM = 72 / 25.4
P = 225 / 22  # line pitch, mm
LEAD = (P - 16 / MM) / 2  # a 3号 glyph's top inside its grid line
UNIT = 156 / 28  # one grid character, mm
PARAGRAPH = (
    "根据《党政机关公文处理工作条例》，办公室负责本机关公文处理的组织、指导和协调工作。"
    "各部门应当严格执行公文的拟制、办理和管理制度，确保公文处理及时、准确、安全。"
)
BODY_HEAD = (
    "为切实做好相关工作，现将有关事项通知如下：\n一、提高思想认识。"
    + PARAGRAPH
    + "\n（一）明确责任分工。"
    + PARAGRAPH
    + "\n1.严格落实值班制度。"
    + PARAGRAPH
    + "\n（1）加强督促检查。"
    + PARAGRAPH
)
KIND = {"down": "notice", "up": "request", "letter": "letter", "order": "order"}
MARK_TOP = {"down": 72, "up": 80, "order": 57, "letter": 30}


def rows(page):
    """The page's text lines: (top, bottom, x0, x1, text, chars), top to bottom, in mm."""
    grouped = {}
    for char in page.chars:
        grouped.setdefault(round(char["top"], 1), []).append(char)
    out = []
    for top in sorted(grouped):
        chars = sorted(grouped[top], key=lambda c: c["x0"])
        text = "".join(c["text"] for c in chars)
        out.append(
            (
                top / MM,
                chars[0]["bottom"] / MM,
                chars[0]["x0"] / MM,
                chars[-1]["x1"] / MM,
                text,
                chars,
            )
        )
    return out


def find(page_rows, start):
    return next(r for r in page_rows if r[4].startswith(start))


def face(row):
    return row[5][0]["fontname"].split("+")[-1]


def render(
    client,
    clerk,
    *,
    fmt="down",
    paragraphs=2,
    level="internal",
    urgency="normal",
    attachments=0,
    copies="局领导，各直属单位",
):
    document = OutgoingFactory(
        drafted_by=clerk,
        kind=KIND[fmt],
        status="signed",
        number="示办发〔2026〕12号",
        issuer="示范单位办公室",
        title="关于做好2026年元旦春节期间值班值守工作的通知",
        main_recipients="各处室、各直属单位",
        copy_recipients=copies,
        security_level=level,
        urgency=urgency,
        attachment_note="\n".join(f"值班安排表（第{i}批）" for i in range(1, attachments + 1)),
        body=BODY_HEAD + "\n" + "\n".join([PARAGRAPH * 2] * paragraphs) + "\n特此通知。",
        signed_at=datetime(2026, 1, 5, 10, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    document.access_list.add(clerk)  # 秘密 / 机密: the access list may open it
    response = client.get(reverse("documents:outgoing_pdf", args=[document.pk]))
    assert response["Content-Type"] == "application/pdf"
    return pdfplumber.open(io.BytesIO(response.content))


CASES = [
    pytest.param({"paragraphs": 0}, id="1-page"),
    pytest.param({"paragraphs": 3, "attachments": 1}, id="2-pages-1-attachment"),
    pytest.param({"paragraphs": 5, "level": "secret", "urgency": "extra_urgent"}, id="secret"),
    pytest.param({"paragraphs": 8, "attachments": 2, "copies": ""}, id="no-copies"),
    pytest.param({"paragraphs": 12, "attachments": 5, "urgency": "urgent"}, id="5-attachments"),
    pytest.param({"paragraphs": 25, "level": "confidential"}, id="10-pages"),
    pytest.param({"fmt": "up", "paragraphs": 6, "level": "secret", "attachments": 2}, id="up"),
    pytest.param({"fmt": "up", "paragraphs": 1}, id="up-short"),
    pytest.param({"fmt": "order", "paragraphs": 2}, id="order"),
    pytest.param({"fmt": "letter", "paragraphs": 4, "level": "secret"}, id="letter"),
]


@pytest.mark.parametrize("case", CASES)
def test_layout_follows_gbt_9704(case, clerk, client_for):
    fmt = case.get("fmt", "down")
    pdf = render(client_for(clerk), clerk, **case)
    pages = [rows(page) for page in pdf.pages]
    first = pages[0]

    # 标志: red, bold Song, its top where the format puts it.
    mark = next(r for r in first if round(r[5][0]["size"]) > 30)
    assert abs(mark[0] - MARK_TOP[fmt]) <= 1
    assert mark[5][0]["non_stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
    assert face(mark) == "FandolSong-Bold"

    # 份号 / 密级 / 紧急程度 in 黑体, top left, one a line.
    marks = []
    if case.get("level") in ("secret", "confidential"):
        marks += ["000001", {"secret": "秘密", "confidential": "机密"}[case["level"]]]
    if case.get("urgency") in ("urgent", "extra_urgent"):
        marks.append({"urgent": "加急", "extra_urgent": "特急"}[case["urgency"]])
    if fmt != "letter":
        for index, text in enumerate(marks):
            row = next(r for r in first if r[4] == text)
            assert abs(row[0] - (37 + index * P + LEAD)) <= 1 and abs(row[2] - 28) <= 1
            assert face(row) == "FandolHei"
    else:
        assert all(any(text in r[4] for r in first) for text in marks)

    if fmt in ("down", "up"):
        number = next(r for r in first if "示办发" in r[4])
        assert abs(number[0] - (mark[1] + 2 * P)) <= 1  # two blank lines under the 标志
        red = next(
            r for r in pdf.pages[0].rects if r["non_stroking_color"] in ((1, 0, 0), [1, 0, 0])
        )
        assert abs(red["top"] / MM - (number[1] + 4)) <= 1  # 4 mm under the 字号
        assert abs((red["x1"] - red["x0"]) / MM - 156) <= 1
        title = find(first, "关于做好")
        assert round(title[5][0]["size"]) == 22 and face(title) == "FandolSong-Bold"
        assert abs(title[0] - (red["bottom"] / MM + 2 * P)) <= 1
        recipients = find(first, "各处室")
        title_end = [
            r for r in first if face(r) == "FandolSong-Bold" and round(r[5][0]["size"]) == 22
        ][-1]
        assert abs(recipients[0] - (title_end[1] + P)) <= 1  # one blank line under the title
        if fmt == "up":
            assert abs(number[2] - (28 + UNIT)) <= 1  # 文号 one character in from the left
            signer = next(r for r in first if "签发人" in r[4])
            assert signer[5][-1]["x1"] / MM <= 184 - UNIT + 1

    # Headings: 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
    everything = [r for page in pages for r in page]
    assert face(find(everything, "一、")) == "FandolHei"
    assert face(find(everything, "（一）")) == "FandolKai"
    assert face(find(everything, "1.严格")) == "FandolFang"
    assert face(find(everything, "（1）")) == "FandolFang"

    # The grid: 28 characters across the 版心, justified; 22 lines a full page, pitch 225/22.
    body = [r for r in everything if round(r[5][0]["size"]) == 16 and len(r[4]) == 28]
    assert body, "no full line of 28 characters"
    for row in body:
        assert abs(row[2] - 28) <= 1 and abs(row[3] - 184) <= 1
    for page in pages[1:]:
        lines = [r for r in page if round(r[5][0]["size"]) == 16]
        if len(lines) >= 22 and not lines[0][4].startswith("附件"):
            assert len(lines) == 22
            assert abs(lines[0][0] - (37 + LEAD)) <= 1
            assert abs((lines[-1][0] - lines[0][0]) / 21 - P) <= 0.05

    # 署名 右空二字, the date two characters right of it, never alone on a page.
    sig_page = next(i for i, page in enumerate(pages) if any(r[4] == "2026年1月5日" for r in page))
    date = next(r for r in pages[sig_page] if r[4] == "2026年1月5日")
    signature = pages[sig_page][pages[sig_page].index(date) - 1]
    if fmt != "order":
        assert signature[4] == "示范单位办公室"
        # The longer of the two ends two characters in from the right.
        assert abs(max(signature[3], date[3]) - (184 - 2 * UNIT)) <= 1
        assert abs(date[2] - (signature[2] + 2 * UNIT)) <= 1
    text_rows = [r for r in pages[sig_page] if r[1] < signature[0] and round(r[5][0]["size"]) == 16]
    assert any(not r[4].startswith(("附件", "2.", "3.", "4.", "5.")) for r in text_rows)

    # 附件说明: one blank line under the text, "2." under "1.".
    count = case.get("attachments", 0)
    if count:
        note = find(pages[sig_page], "附件：")
        assert abs(note[2] - (28 + 2 * UNIT)) <= 1
        if count > 1:
            second = find(pages[sig_page], "2.")
            one = next(c for c in note[5] if c["text"] == "1")
            assert abs(second[2] - one["x0"] / MM) <= 1
        # Each attachment on its own page, "附件N" in 黑体 at the top left.
        labels = [
            i
            for i, page in enumerate(pages)
            if page and page[0][4].startswith("附件") and face(page[0]) == "FandolHei"
        ]
        assert len(labels) == count
        for i in labels:
            assert abs(pages[i][0][0] - (37 + LEAD)) <= 1 and abs(pages[i][0][2] - 28) <= 1

    # Page numbers: "— N —" 4号 宋体, 7 mm under the 版心, odd right / even left one character in.
    for number, page in enumerate(pages, start=1):
        numbers = [r for r in page if r[4].startswith("—") and r[4].endswith("—")]
        if fmt == "letter" and number == 1:
            assert not numbers
            continue
        if not numbers:
            continue  # a blank page and the 版记 page after it carry none
        row = numbers[0]
        assert row[4].replace(" ", "") == f"—{number}—"
        assert round(row[5][0]["size"]) == 14 and face(row) == "FandolSong"
        assert abs(row[0] - 269) <= 1
        if number % 2:
            assert abs(row[3] - (184 - 14 / MM)) <= 1
        else:
            assert abs(row[2] - (28 + 14 / MM)) <= 1
    numbered = [n for n, page in enumerate(pages, 1) if any(r[4].startswith("—") for r in page)]
    assert numbered[: 2 if fmt != "letter" else 1] == ([1, 2] if fmt != "letter" else [2])

    # 版记 on the last page, an even one, its last rule on the bottom edge of the 版心.
    if fmt != "letter":
        assert len(pages) % 2 == 0
        last = pdf.pages[-1]
        rules = sorted(last.rects, key=lambda r: r["bottom"])
        assert abs(rules[-1]["bottom"] / MM - 262) <= 1
        assert abs((rules[-1]["x1"] - rules[-1]["x0"]) / MM - 156) <= 1
        printed = next(r for r in rows(last) if r[4].endswith("印发"))
        assert abs(printed[2] - (28 + 14 / MM)) <= 1 and abs(printed[3] - (184 - 14 / MM)) <= 1
        if case.get("copies", "x"):
            assert find(rows(last), "抄送：")
    else:
        assert pdf.pages[0].rects  # the red double lines


def test_text_extracts_clean(clerk, client_for):
    pdf = render(client_for(clerk), clerk, paragraphs=1)
    text = "".join(page.extract_text() for page in pdf.pages)
    for expected in (
        "示范单位办公室文件",
        "关于做好2026年元旦春节期间值班值守工作的",
        "抄送：局领导",
    ):
        assert expected in text


def test_signoff_sheet_lists_each_attachment_on_its_own_line(clerk, client_for):
    document = OutgoingFactory(drafted_by=clerk, attachment_note="值班表\n联系人名单")
    response = client_for(clerk).get(reverse("documents:outgoing_sheet_pdf", args=[document.pk]))
    pdf = pdfplumber.open(io.BytesIO(response.content))
    lines = pdf.pages[0].extract_text().splitlines()
    assert "发文稿纸" in lines[0].replace(" ", "") and " " not in lines[0].strip()
    assert any(line.endswith("值班表") for line in lines)
    assert "联系人名单" in lines
