"""GB/T 9704-2012 text on the grid: 28 characters a line, 22 lines a page, justified.

WeasyPrint justifies only at spaces, which Chinese text has none of, and it breaks lines
where Pango likes. Official documents are set on a character grid, so the lines are broken
here: the advance of every character is read from the face it is drawn in (Fandol, else a
full- or half-width guess), 禁则 keeps 。，、 off a line start and （《“ off a line end, and each
line carries the letter-spacing that makes it fill the 版心 exactly. The template then writes
one block per line (height = the line pitch), so pages hold 22 lines and break only between
lines. Heading numbers at a paragraph's start (一、（一）1.（1）) pick the heading face.

`render_official` lays the document out, and when the 版记 (the colophon, a footnote at the
bottom of the 版心) lands on an odd page it lays it out again with the colophon after a
`break-before: left`: the 版记 then sits on an even page, after an unnumbered blank one if
needed (GB/T 9704 7.5: the blank page and the 版记 page after it carry no page number).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from django.template.loader import render_to_string

from office.pdf import FANDOL_DIR, layout_html

MM = 72 / 25.4  # points per millimetre
WIDTH = 156 * MM  # 版心 width in points
HEIGHT = 225 * MM
PITCH_MM = 10.227  # 225 mm / 22 lines, rounded down so 22 lines always fit
SIZE = 16.0  # 3号
CHARS = 28
# The letter-spacing that puts 28 full-width 3号 characters exactly across the 版心.
GRID_SPACING = (WIDTH - CHARS * SIZE) / (CHARS - 1)
UNIT = SIZE + GRID_SPACING  # one character of the grid

FACES = {
    "fang": "FandolFang-Regular.otf",
    "hei": "FandolHei-Regular.otf",
    "kai": "FandolKai-Regular.otf",
    "song": "FandolSong-Regular.otf",
    "xbs": "FandolSong-Bold.otf",
}
NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…—%·．,.;:?!)]}")
NO_LINE_END = set("（《「『【〔〈“‘([{")
HEADINGS = (
    (re.compile(r"^[一二三四五六七八九十百]+、"), "hei"),
    (re.compile(r"^（[一二三四五六七八九十百]+）"), "kai"),
    (re.compile(r"^\d+[.．]"), "fang"),
    (re.compile(r"^（\d+）"), "fang"),
)
# Latin words and numbers stay whole on a line.
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%\-]*|.", re.S)


@cache
def _advances(face: str) -> tuple[dict, int] | None:
    """The face's advance widths by code point (None when the face is not installed)."""
    path = FANDOL_DIR / FACES[face]
    if not path.exists():
        return None
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = {code: metrics[name][0] for code, name in cmap.items() if name in metrics}
    return widths, font["head"].unitsPerEm


def advance(char: str, face: str, size: float) -> float:
    table = _advances(face)
    if table and ord(char) in table[0]:
        return table[0][ord(char)] * size / table[1]
    wide = unicodedata.east_asian_width(char) in ("W", "F")
    return size if wide else size / 2


@dataclass
class Line:
    indent: float  # points from the 版心's left edge
    spacing: float  # letter-spacing in points
    runs: list = field(default_factory=list)  # [(face, text)]
    last: bool = False  # last line of its paragraph

    @property
    def text(self) -> str:
        return "".join(text for _face, text in self.runs)


def break_lines(
    runs, *, first: float = 0.0, rest: float = 0.0, size: float = SIZE, width: float = WIDTH
):
    """Break [(face, text)] into justified lines; `first`/`rest` are the lines' indents."""
    spacing = size * (GRID_SPACING / SIZE)
    tokens = []
    for face, text in runs:
        for token in TOKEN.findall(text):
            if token.strip() or token == "\u3000":
                tokens.append((face, token, sum(advance(c, face, size) for c in token)))
    lines, current, x = [], [], first

    def fits(token_width, count):
        return x + token_width + spacing * (count - 1) <= width + 0.01

    while tokens:
        face, token, token_width = tokens[0]
        if not current or fits(token_width, len(token)):
            current.append(tokens.pop(0))
            x += token_width + spacing * len(token)
            continue
        # 禁则: pull characters down rather than start a line with 。 or end one with （.
        while len(current) > 1 and (
            tokens[0][1][0] in NO_LINE_START or current[-1][1][-1] in NO_LINE_END
        ):
            tokens.insert(0, current.pop())
        lines.append(_justify(current, first if not lines else rest, size, width, spacing))
        current, x = [], rest
    if current:
        lines.append(_justify(current, first if not lines else rest, size, width, spacing, True))
    return lines


def _justify(tokens, indent, size, width, spacing, last=False) -> Line:
    count = sum(len(token) for _f, token, _w in tokens)
    natural = sum(w for _f, _t, w in tokens)
    if not last and count > 1:
        spacing = (width - indent - natural) / (count - 1)
    line = Line(indent=round(indent, 3), spacing=round(spacing, 4), last=last)
    for face, token, _width in tokens:
        if line.runs and line.runs[-1][0] == face:
            line.runs[-1] = (face, line.runs[-1][1] + token)
        else:
            line.runs.append((face, token))
    return line


def text_width(text: str, face: str = "fang", size: float = SIZE) -> float:
    spacing = size * (GRID_SPACING / SIZE)
    return sum(advance(c, face, size) for c in text) + spacing * max(len(text) - 1, 0)


def heading_runs(paragraph: str) -> list:
    """A paragraph as runs: a heading number and its sentence in the heading's face."""
    for pattern, face in HEADINGS:
        if pattern.match(paragraph):
            end = paragraph.find("。")
            head = paragraph if end < 0 else paragraph[: end + 1]
            return [(face, head), ("fang", paragraph[len(head) :])]
    return [("fang", paragraph)]


def body_lines(text: str) -> list[Line]:
    """Every paragraph of the text, first line indented two characters, on the grid."""
    lines = []
    for paragraph in text.splitlines():
        if paragraph.strip():
            lines += break_lines(heading_runs(paragraph.strip()), first=2 * UNIT)
    return lines


def attachment_lines(names: list[str]) -> list[Line]:
    """附件说明: "附件：1.名称"; "2." under "1.", a long name wraps under its first character."""
    lines = []
    numbered = len(names) > 1
    for index, name in enumerate(names, start=1):
        number = f"{index}." if numbered else ""
        label = "附件：" if index == 1 else ""
        start = 2 * UNIT + (0 if index == 1 else 3 * UNIT)
        name_x = 5 * UNIT + (text_width(number) + GRID_SPACING if number else 0)
        lines += break_lines([("fang", label + number + name)], first=start, rest=name_x)
    return lines


def labelled_lines(label: str, text: str, *, indent: float = 2 * UNIT) -> list[Line]:
    """ "出席：…" (纪要): the label in 黑体, a wrapped line under the first name."""
    rest = indent + text_width(label + "：", "hei") + GRID_SPACING
    return break_lines([("hei", label + "："), ("fang", text)], first=indent, rest=rest)


def signature_lines(name: str, date: str, *, right: float = 2 * UNIT) -> list[Line]:
    """署名 右空二字; the date's first character two characters right of the 署名's (or,
    when the date is the longer, the date 右空二字 and the 署名 two characters left of it)."""
    name_width, date_width = text_width(name), text_width(date)
    if name_width >= date_width + 2 * UNIT:
        name_x = WIDTH - right - name_width
    else:
        name_x = WIDTH - right - date_width - 2 * UNIT
    return [
        Line(indent=round(name_x, 3), spacing=GRID_SPACING, runs=[("fang", name)], last=True),
        Line(
            indent=round(name_x + 2 * UNIT, 3),
            spacing=GRID_SPACING,
            runs=[("fang", date)],
            last=True,
        ),
    ]


# 加盖印章的公文 (GB/T 9704 7.3.5.1): the 署名 and 成文日期 sit this far below the seal's centre.
SEAL_OFFSET_MM = 3.0


def sealed_signature_lines(name: str, date: str, *, right: float = 4 * UNIT) -> list[Line]:
    """加盖印章: 成文日期右空四字, the 署名 centred over the date (以成文日期为准居中)."""
    name_width, date_width = text_width(name), text_width(date)
    date_x = WIDTH - right - date_width
    name_x = max(0.0, min(date_x + (date_width - name_width) / 2, WIDTH - name_width))
    return [
        Line(indent=round(name_x, 3), spacing=GRID_SPACING, runs=[("fang", name)], last=True),
        Line(indent=round(date_x, 3), spacing=GRID_SPACING, runs=[("fang", date)], last=True),
    ]


def seal_placement(signature: list[Line], diameter_mm: float) -> dict:
    """Where the seal goes over `sealed_signature_lines`, in mm from the 署名 line's top left
    corner of the 版心: centred on the date, upright, the two lines slightly below its centre
    (端正、居中下压); `blanks` lines between the text and the 署名 so that its top is within
    one line of the body or 附件说明 (上距正文一行之内) and never on it."""
    date = signature[-1]
    centre_x = (date.indent + text_width(date.text) / 2) / MM
    radius = diameter_mm / 2
    top = PITCH - SEAL_OFFSET_MM - radius  # the two lines' centre is one pitch under the top
    # The text's last glyph ends LEAD_3 above its line's bottom; the seal's top must not be
    # above it, and is then less than a line below it.
    blanks = 1
    while blanks * PITCH + top + LEAD_3 < 0:
        blanks += 1
    return {
        "left": round(centre_x - radius, 3),
        "top": round(top, 3),
        "size": round(diameter_mm, 3),
        "blanks": blanks,
        "extra_blanks": range(blanks - 1),
    }


def chinese_date(value) -> str:
    """2026年1月5日: full year, month and day without a leading zero."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def _page_of(document, anchor: str) -> int | None:
    for number, page in enumerate(document.pages, start=1):
        if anchor in page.anchors:
            return number
    return None


def _unnumber_after_blank(document) -> None:
    """The 版记 page after a blank page carries no number either (GB/T 9704 7.5)."""
    from weasyprint.formatting_structure import boxes

    pages = document.pages
    for before, page in zip(pages, pages[1:], strict=False):
        if before._page_box.page_type.blank:
            page_box = page._page_box
            page_box.children = [
                child for child in page_box.children if not isinstance(child, boxes.MarginBox)
            ]


def render_official(template_name: str, context: dict, *, resources: dict | None = None) -> bytes:
    """The PDF, with the 版记 (anchor "colophon") on an even page. The context's
    "colophon_break" is the prediction; a wrong one costs a second layout. `resources`: the
    in-memory files the template names (office.pdf.inline_url), e.g. a seal image."""
    document = layout_html(render_to_string(template_name, context), resources=resources)
    page = _page_of(document, "colophon")
    if page is not None and page % 2:
        context = {**context, "colophon_break": not context.get("colophon_break")}
        document = layout_html(render_to_string(template_name, context), resources=resources)
    _unnumber_after_blank(document)
    return document.write_pdf()


PITCH = PITCH_MM  # mm
GLYPH_3 = SIZE / MM  # mm, the height of a 3号 character box
GLYPH_2 = 22 / MM
LEAD_3 = (PITCH - GLYPH_3) / 2  # a 3号 glyph's top inside its grid line
LEAD_2 = (PITCH - GLYPH_2) / 2
RED_LINE = 0.5  # mm
MARKS_TOP = {"down": 35, "up": 43, "order": 20, "summary": 35}  # 标志 below the 版心 top


def title_lines(title: str) -> int:
    width = sum(advance(c, "xbs", 22) for c in title)
    return max(1, -(-int(width - 0.01) // int(WIDTH)))


def head_geometry(fmt: str, mark_size: float, title: str) -> dict:
    """The first page's vertical layout in mm (CSS margins, and where the grid resumes)."""
    mark = mark_size / MM
    number_gap = 2 * PITCH  # 发文字号: two blank lines under the 标志
    if fmt == "order":
        # 令号 two lines under the 标志, the text two lines under the 令号.
        top = MARKS_TOP[fmt] + mark + number_gap + GLYPH_3
        text_gap = 2 * PITCH - LEAD_3
        return {"number_gap": number_gap, "text_gap": text_gap, "text_top": top + text_gap}
    if fmt == "letter":
        # 标志 30 mm from the page top (版心 starts 7 mm higher on page 1); double line 4 mm
        # under it; the number and marks 7/8 of a 3号 character under the line; the title two
        # lines under the last of them.
        return {"text_top": None}
    red = MARKS_TOP[fmt] + mark + number_gap + GLYPH_3 + 4  # the red line's top
    title_gap = 2 * PITCH - LEAD_2
    after_title = PITCH - LEAD_2 - LEAD_3  # 主送: one blank line under the title
    text_top = red + RED_LINE + title_gap + title_lines(title) * PITCH + after_title
    return {
        "number_gap": number_gap,
        "title_gap": title_gap,
        "text_gap": after_title,
        "text_top": text_top,
    }


def colophon_break(*, text_top, lines_before, kept, attachments, colophon_mm) -> bool:
    """Whether the 版记 must follow a `break-before: left` (the page the text ends on is odd,
    or even without room left for the 版记): a prediction from the grid, checked after layout."""
    per_page = int(HEIGHT / MM / PITCH + 1e-6)
    first = int((225 - text_top) / PITCH + 1e-6) if text_top is not None else per_page
    page, room = 1, first
    for _ in range(lines_before):
        if room == 0:
            page, room = page + 1, per_page
        room -= 1
    if kept > room and kept <= per_page:
        page, room = page + 1, per_page
    room -= kept
    while room < 0:
        page, room = page + 1, room + per_page
    left_mm = room * PITCH
    if attachments:
        page += attachments
        left_mm = 225 - 4 * PITCH
    return page % 2 == 1 or left_mm < colophon_mm
