"""The Chinese UI: every string translated, and one word means one thing across apps.

Django merges all catalogues into one, so if two apps translate the same msgid differently
one of them silently shows the other's word (e.g. "Title" as 事项名称 on a document form).
App-specific meanings take a context: pgettext("documents", "Title").
"""

import re
from collections import defaultdict
from pathlib import Path

import polib
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    [
        *ROOT.glob("locale/zh_Hans/LC_MESSAGES/django.po"),
        *ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"),
    ]
)


def test_every_catalogue_is_fully_translated():
    assert len(CATALOGUES) >= 6
    missing = [
        f"{path.relative_to(ROOT)}: {entry.msgid!r}"
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        if not entry.translated() and not entry.obsolete
    ]
    assert not missing, "\n".join(missing)


def test_one_msgid_has_one_translation_across_apps():
    seen = defaultdict(set)
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.translated() and not entry.obsolete:
                seen[(entry.msgctxt, entry.msgid)].add(
                    (entry.msgstr, path.relative_to(ROOT).parts[0])
                )
    clashes = [
        f"{msgid!r}: " + ", ".join(f"{app}={text}" for text, app in sorted(values, key=str))
        for (context, msgid), values in seen.items()
        if len({text for text, _app in values}) > 1
    ]
    assert not clashes, "\n".join(sorted(clashes))


CJK = "\u3400-\u9fff"
ASCII_NEXT_TO_CHINESE = re.compile(rf"[{CJK}] *[:,;()!?]|[:,;()!?] *[{CJK}]")


def _msgstrs(entry) -> list[str]:
    return [entry.msgstr, *entry.msgstr_plural.values()]


def test_chinese_text_has_full_width_punctuation():
    """主办人：张伟, not 主办人: 张伟; （见附件）, not (见附件)."""
    found = [
        f"{path.relative_to(ROOT)}:{entry.linenum}: {text!r}"
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        if not entry.obsolete
        for text in _msgstrs(entry)
        if ASCII_NEXT_TO_CHINESE.search(text)
    ]
    assert not found, "\n".join(found)


def _glossary_bans() -> dict[str, str]:
    """{word not to use: the term to use} from docs/GLOSSARY.md's last column."""
    bans = {}
    for line in (ROOT / "docs" / "GLOSSARY.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[3] and cells[0] not in ("中文", "---"):
            for word in cells[3].split("、"):
                bans[word.strip()] = cells[0]
    return bans


def test_catalogues_use_the_glossary_terms():
    bans = _glossary_bans()
    assert "过滤" in bans  # the glossary is read
    found = [
        f"{path.relative_to(ROOT)}:{entry.linenum}: {text!r} — {word} → {term}"
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        if not entry.obsolete
        for text in _msgstrs(entry)
        for word, term in bans.items()
        if word in text
    ]
    assert not found, "\n".join(found)


# None known: a clash is settled by a context (duty's "log entry" is pgettext "duty") or in the
# office catalogue.
SHADOWED_KNOWN: set[str] = set()


def test_what_an_app_catalogue_says_is_what_the_page_shows():
    """An app's catalogue loses to Django's contrib catalogues (admin's 过滤器 over our 筛选):
    such a clash is settled in the office catalogue, which wins over all."""
    shadowed = []
    with translation.override("zh-hans"):
        for path in CATALOGUES:
            for entry in polib.pofile(str(path)):
                if entry.obsolete or not entry.translated() or entry.msgid in SHADOWED_KNOWN:
                    continue
                if entry.msgid_plural:
                    wanted = entry.msgstr_plural[0]
                    shown = (
                        translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                        if entry.msgctxt
                        else translation.ngettext(entry.msgid, entry.msgid_plural, 1)
                    )
                else:
                    wanted = entry.msgstr
                    shown = (
                        translation.pgettext(entry.msgctxt, entry.msgid)
                        if entry.msgctxt
                        else translation.gettext(entry.msgid)
                    )
                if shown != wanted:
                    shadowed.append(f"{path.relative_to(ROOT)}: {entry.msgid!r} shows {shown!r}")
    assert not shadowed, "\n".join(shadowed)


def test_django_form_messages_read_as_an_office_writes():
    from django import forms

    class Form(forms.Form):
        title = forms.CharField(max_length=200)
        day = forms.DateField()
        kind = forms.ChoiceField(choices=[("a", "A")])

    with translation.override("zh-hans"):
        form = Form({"title": "字" * 201, "day": "2026-02-30", "kind": "x"})
        form.is_valid()
        assert form.errors["title"] == ["不能超过 200 个字（现有 201 个字）。"]
        assert form.errors["day"] == ["请输入正确的日期。"]
        assert form.errors["kind"] == ["请从列表中选择，x 不是可选项。"]
        assert Form({}).errors["title"] == ["此项必填。"]
        formset = forms.formset_factory(Form, min_num=1, validate_min=True)(
            {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"}
        )
        assert formset.non_form_errors() == ["请至少填写 1 项。"]
