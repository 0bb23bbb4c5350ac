"""Publication dates as they appear in news pages -> ISO-8601 dates."""

import re
from datetime import date

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    re.compile(rf"\b(?P<iso>{_YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}}))"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),  # 3 Sep, 2023 / 02 February, 2022
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # February 2, 2022
]
_REGION = r"[A-Z][\w.]+(?: [A-Z][\w.]+)?"  # "KYIV, Ukraine (AP) —"
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'-]{{2,}})(?:,\s+(?:{_MONTH}\s+{_DAY}|{_REGION}))?\s*"
    rf"(?:\((?P<credited>[^)\n]{{2,40}})\)\s*[-–—]"
    rf"|(?(day)[-–—]\s*(?P<outlet>[^.\n]{{2,60}})\.|(?!)))"
)
"""A dateline: "MOSCOW, Dec 31 - RIA Novosti.", "BRUSSELS, Oct 20 (Reuters) -" or
"KYIV, Ukraine (AP) —" (undated only when the outlet is credited in parentheses)."""

_WORD = r"[A-Z][\w.'’-]*"
_WHEN = r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)(?:,?\s+(?:19|20)\d{2})?"
LEAD = re.compile(
    rf"^(?P<place>{_WORD}(?: {_WORD}){{0,3}}(?:/{_WORD}(?: {_WORD}){{0,3}})*)"
    rf"(?:,\s+(?P<region>{_WORD}(?: {_WORD})?))?"
    rf"(?:,\s+(?P<when>{_WHEN}))?\s*(?:\((?P<credit>[^)\n]{{2,40}})\)\s*)?(?:--|[-–—])\s"
)
"""The words a dateline puts before its story, outlet or not: "Seoul, Oct. 31 -- ",
"LONDON — ", "Brussels, 18 August 2023 – ", "CAIRO/JERUSALEM - " (see `dateline_end`)."""


TIMESTAMP = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BST|CET|CEST|EST|EDT|local time))?"
    r"\s*(?:--|[-–—|])\s"
)
"""The time a live blog's entry opens with: "08:55 - ", "14:30 GMT — ", "9.15am | "."""


def dateline_end(text: str) -> int | None:
    """Where the story starts after a dateline opening text, or None without one. A place
    in capitals, a date or a credited outlet tells a dateline from a name with a dash; a
    live blog's entry opens with its time."""
    if stamped := TIMESTAMP.match(text):
        return stamped.end()
    credited = DATELINE.match(text)
    match = LEAD.match(text)
    if match is not None:
        when = match["when"]
        dated = bool(when) and any(w.lower().rstrip(".") in _MONTHS for w in when.split())
        if dated or match["credit"] or match["place"].isupper():
            return max(match.end(), credited.end() if credited else 0)
    return credited.end() if credited else None


def find_date(text: str) -> str | None:
    """The first complete date (with a year) in text, as YYYY-MM-DD."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            parsed = _to_iso(match)
            if parsed:
                return parsed
    return None


def _to_iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts.get("iso"):
        year, month, day = int(parts["year"]), int(parts["m"]), int(parts["d"])
    else:
        month = _MONTHS.get(parts["month"].lower())
        if month is None:
            return None
        year, day = int(parts["year"]), int(parts["day"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(value: str | None) -> str | None:
    """A caller-given date (ISO or written out) as YYYY-MM-DD; None if unreadable."""
    return find_date(value) if value else None
