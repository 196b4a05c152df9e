"""The one spreadsheet writer: text that starts like a formula stays text."""

import io

import pytest
from openpyxl import load_workbook

from office.spreadsheets import Styled, build_xlsx

FORMULA = '=HYPERLINK("http://x","y")'


def _cells(content: bytes):
    return list(load_workbook(io.BytesIO(content)).active.iter_rows())


@pytest.mark.parametrize("text", [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_like_text_is_stored_as_text(text):
    rows = _cells(build_xlsx(title="t", header=["名称"], rows=[[text]]))
    cell = rows[1][0]
    assert cell.data_type == "s" and cell.value.strip() == text.strip()
    assert cell.quotePrefix


def test_numbers_stay_numbers_and_illegal_characters_are_dropped():
    rows = _cells(
        build_xlsx(
            title="a/b:c",
            header=["x", "y", "z"],
            rows=[[3, "普通\x01文字", Styled("★张三", wrap=True)]],
        )
    )
    number, text, styled = rows[1]
    assert number.value == 3 and number.data_type == "n"
    assert text.value == "普通文字" and not text.quotePrefix
    assert styled.value == "★张三" and styled.alignment.wrap_text
    assert rows[0][0].font.bold
