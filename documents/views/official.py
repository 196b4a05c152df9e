"""The context of the GB/T 9704 outgoing document: format, marks, grid lines, 版记."""

import re

from django.utils.timezone import localdate

from office import gbt9704 as g

SECURITY = {"secret": "秘密", "confidential": "机密"}
URGENCY = {"urgent": "加急", "extra_urgent": "特急"}
# 上行文 (请示, 报告) carry the 签发人; 函 uses the 信函格式, 命令(令) the 命令格式.
FORMATS = {"request": "up", "report": "up", "letter": "letter", "order": "order"}
NUMBERED = re.compile(r"^\s*(附件[:：]?)?\s*\d*[.．、]?\s*")


def attachment_names(note: str) -> list[str]:
    """One attachment a line; a typed "附件：" or "1." is dropped (the layout numbers them)."""
    return [NUMBERED.sub("", line).strip() for line in note.splitlines() if line.strip()]


def _local_date(value):
    return localdate(value) if value else None


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def outgoing_context(document, *, copy_number: int = 1, seal: dict | None = None) -> dict:
    """The template's context; `seal` {"url", "diameter_mm"} lays the 署名 and date out for a
    sealed document and places the seal image over them (GB/T 9704 7.3.5.1)."""
    fmt = FORMATS.get(document.kind, "down")
    issuer = document.issuer or ""
    mark_text = {"down": f"{issuer}文件", "up": f"{issuer}文件", "letter": issuer}.get(fmt)
    if fmt == "order":
        mark_text = issuer if issuer.endswith("令") else f"{issuer}令"
    # The 标志 fills at most the 版心's width, at most 15 mm high.
    mark_size = min(15 * g.MM, g.WIDTH * 0.96 / max(len(mark_text), 1))
    marks = []
    if document.security_level in SECURITY:
        marks += [f"{copy_number:06d}", SECURITY[document.security_level]]
    if document.urgency in URGENCY:
        marks.append(URGENCY[document.urgency])
    names = attachment_names(document.attachment_note)
    lines = g.body_lines(document.body)
    # The last paragraph's last two lines stay with the signature (no page of 署名 alone).
    cut = max(len(lines) - 2, 0)
    if cut and not lines[cut - 1].last and lines[cut].last:
        cut -= 1
    signed = _local_date(document.signed_at)
    date = g.chinese_date(signed) if signed else "　　年　月　日"
    if fmt == "order":
        signature = g.signature_lines(_person(document.signed_by) or issuer, date, right=4 * g.UNIT)
    elif seal:
        signature = g.sealed_signature_lines(issuer, date)
    else:
        signature = g.signature_lines(issuer, date)
    placement = None
    if seal:
        placement = {**g.seal_placement(signature, seal["diameter_mm"]), "url": seal["url"]}
    recipients = []
    if document.main_recipients and fmt != "order":
        recipients = g.break_lines([("fang", f"{document.main_recipients}：")])
    colophon = None
    copies = document.copy_recipients.strip().rstrip("。")
    if fmt != "letter" or copies:
        width = g.WIDTH - 2 * 14
        copy_lines = []
        if copies:
            copy_lines = g.break_lines(
                [("fang", f"抄送：{copies}。")],
                first=14,
                rest=14 + g.text_width("抄送：", size=14) + 14 * g.GRID_SPACING / g.SIZE,
                size=14,
                width=width + 14,
            )
        issued = _local_date(document.issued_at) or signed
        colophon = {
            "copy_lines": copy_lines,
            "printer": issuer,
            "date": g.chinese_date(issued) if issued else "　　年　月　日",
        }
    head = g.head_geometry(fmt, mark_size, document.title)
    note = g.attachment_lines(names)
    # The block kept together: last lines, blank + 附件说明, blank(s), 署名 and date.
    kept = len(lines) - cut + (len(note) + 1 if note else 0) + 1 + (fmt == "order") + 2
    if placement:
        kept += placement["blanks"] - 1
    colophon_mm = 0
    if colophon:
        colophon_mm = 7 * (len(colophon["copy_lines"]) + (fmt != "letter")) + 1
    attachments = [
        {"label": f"附件{index}" if len(names) > 1 else "附件", "name": name}
        for index, name in enumerate(names, start=1)
    ]
    return {
        "document": document,
        "format": fmt,
        "draft": not document.number,
        "marks": marks,
        "mark_text": mark_text,
        "mark_size": mark_size,
        "number": document.number or "〔　　〕　号",
        "signer": _person(document.signed_by),
        "recipient_lines": recipients,
        "lines": lines[:cut],
        "kept_lines": lines[cut:],
        "attachment_note_lines": note,
        "attachments": attachments,
        "signature": signature,
        "seal": placement,
        "colophon": colophon,
        "head": head,
        "colophon_break": bool(colophon)
        and g.colophon_break(
            text_top=head["text_top"],
            lines_before=len(recipients) + cut,
            kept=kept,
            attachments=len(names),
            colophon_mm=colophon_mm,
        ),
    }
