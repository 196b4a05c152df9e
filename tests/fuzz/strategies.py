"""Hostile values as a tester pastes or forges them.

Values are `str`, or `bytes` for what cannot be written in UTF-8 (a lone surrogate, an invalid
byte sequence): bytes are sent percent-encoded as they are, which is what a forged request does.
"""

import datetime

from hypothesis import strategies as st

# A lone surrogate cannot be encoded in UTF-8; this is what a client that tries anyway sends
# (CESU-8 / WTF-8 bytes), plus plain invalid UTF-8.
SURROGATES = [b"\xed\xa0\x80", b"abc\xed\xb2\x80", b"\xff\xfe", b"\xc3"]

MARKS = [
    "\u202e",  # right-to-left override
    "\u202d",
    "\u200f",
    "\u200b",  # zero-width space
    "\u200d",
    "\ufeff",
    "\u2066",
]

CONTROLS = ["\x00", "\x0b", "\x0c", "\x1b", "\r", "\x7f", "\x85", "\u2028"]

STRINGS = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "第一\x0b第二",
            "\u202e说明\u202c",
            "\u200b",
            "<script>alert(1)</script>",
            '=HYPERLINK("http://x","x")',
            "' OR 1=1 --",
            "../../etc/passwd",
            "%00",
            "foo",
            "//evil.example/",
            "http://evil.example/",
            "null",
            "None",
            "[]",
            "{}",
            "🀄" * 50,
        ]
    ),
    st.builds(lambda mark, text: mark + text + mark, st.sampled_from(MARKS), st.text(max_size=20)),
    st.builds(
        lambda ctrl, text: text + ctrl + text, st.sampled_from(CONTROLS), st.text(max_size=10)
    ),
    st.sampled_from(["x" * 100_000, "字" * 100_000, "a\n" * 50_000]),
    st.text(max_size=40),
)

DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "2027-02-29",
        "2100-02-29",
        "2026-02-30",
        "2026-13-01",
        "2026-00-10",
        "26-1-1",
        "2026/11/30",
        "30.11.2026",
        "2026-11-30T25:61",
        "0000-00-00",
        "-2026-01-01",
        "+12026-01-01",
        "１９９９-０１-０１",  # full-width digits
        "2026-11",
        "9999-12",
        "0001-01",
        "2026-W48",
    ]
)

DATETIMES = st.one_of(
    DATES,
    st.sampled_from(
        [
            "0001-01-01T00:00",
            "9999-12-31T23:59",
            "9999-12-31 23:59:59",
            "2027-02-29T10:00",
            "2026-11-30T24:00",
            "2026-11-30T10:00+99:00",
            "2026-11-30T10:00:00.9999999999",
        ]
    ),
)

TIMES = st.sampled_from(["24:00", "23:60", "-1:00", "9:5", "25", "12:00:00.000001", "noon"])

NUMBERS = st.sampled_from(
    [
        "-1",
        "0",
        "-0",
        "2147483648",
        "9223372036854775808",
        "9" * 400,
        "1e309",
        "-1e309",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "1.5",
        "1,5",
        "0x10",
        "１２",
        "1_000",
        "99999999999999999999.99",
        "0.0000001",
    ]
)

BOOLS = st.sampled_from(["on", "off", "true", "2", "-1", "", "\x00"])


def hostile(kind: str, ids: list[int]):
    """Any hostile value, weighted toward what fits an input of `kind`."""
    foreign = st.sampled_from(ids or [1]).map(str)
    by_kind = {
        "date": DATES,
        "datetime-local": DATETIMES,
        "datetime": DATETIMES,
        "month": DATES,
        "time": TIMES,
        "number": NUMBERS,
        "select": st.one_of(foreign, NUMBERS),
        "radio": st.one_of(foreign, NUMBERS),
        "checkbox": st.one_of(BOOLS, foreign),
        "hidden": st.one_of(foreign, NUMBERS),
    }
    specific = by_kind.get(kind)
    generic = st.one_of(STRINGS, st.sampled_from(SURROGATES), NUMBERS, DATES)
    return st.one_of(specific, generic) if specific is not None else generic


def plausible(kind: str, name: str) -> str:
    """A value the form would likely accept, so the fuzzing also reaches the services."""
    today = datetime.date.today()
    soon = today + datetime.timedelta(days=2)
    if kind == "date":
        return soon.isoformat()
    if kind in ("datetime-local", "datetime"):
        return f"{soon.isoformat()}T10:00"
    if kind == "month":
        return today.strftime("%Y-%m")
    if kind == "time":
        return "09:30"
    if kind == "number":
        return "2"
    if kind == "email":
        return "fuzz@example.com"
    if "phone" in name:
        return "13812345678"
    return "测试内容"
