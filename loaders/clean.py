"""Raw page text -> the article body, with title, date and outlet detected.

Pages carry menus, icon strings, teasers ("Read more"), photo captions and
whole unrelated stories after the article. The rules here are generic news-page
structure, not site templates:
  * the header zone (before the first body paragraph) keeps only the headline
    and a standfirst; dates and the outlet are read from it;
  * a teaser headline next to a "Read more" line, captions with photo credits,
    repeated lines and menu fragments are dropped;
  * a section heading such as "Top stories" or "Comments" after the body
    ends the article.
"""

import re

from loaders.article import Article, RawArticle
from loaders.dates import DATELINE, find_date, normalise_date
from loaders.text import digest, fold, normalise_text

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CAPTION = re.compile(
    r"(©|\bphoto(?:graph)?s?\s*(?:credit)?\s*:|\bpicture\s*:|/\s*(?:AFP|AP|Reuters|Getty|EPA)\b)",
    re.I,
)
_TEASER_MARK = {"read more", "know more", "see more", "learn more", "continue reading", "more"}
_END_MARKS = (
    "top stories",
    "top news",
    "related news",
    "related articles",
    "related stories",
    "related",
    "read also",
    "also read",
    "more from",
    "more stories",
    "more news",
    "most read",
    "most viewed",
    "most popular",
    "trending",
    "comments",
    "leave a reply",
    "leave a comment",
    "don t miss",
    "recommended",
    "you may also like",
    "you might also like",
    "podcasts",
    "share this",
    "advertisement",
    "more videos",
    "latest news",
    "follow us",
    "subscribe",
    "newsletter",
    "this website uses cookies",
    "all rights reserved",
    "tags",
    "topics",
)
_NAME = r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}"
_BYLINE = re.compile(
    rf"^By (?P<names>{_NAME}(?: and {_NAME})?), (?P<outlet>[A-Z][\w&.' -]{{2,40}})$"
)
_LONE_BYLINE = re.compile(rf"^By (?P<names>{_NAME}(?: and {_NAME})?)(?: \| .*)?$")
_OUTLET_LINE = re.compile(r"^(?:The )?[A-Z][\w&'-]+(?: [A-Z][\w&'-]+){0,4}$")
_NOT_OUTLETS = {"bureau", "desk", "staff", "correspondent", "correspondents", "reporter"}
_DATELINE_PREFIX = re.compile(r"^[^\n–—-]{4,60}?\s[–—-]\s")  # "Brussels, 18 August 2023 – "
_RELATIVE_DATE = re.compile(r"^\d+\s+(minute|hour|day|week|month|year)s?\s+ago$", re.I)
_MIN_BODY_WORDS = 15


def clean(raw: RawArticle) -> Article:
    """Body text, metadata and the dropped lines of a raw article."""
    lines = [normalise_text(line) for line in raw.text.splitlines()]
    lines = [line for line in lines if line]
    start = _body_start(lines)
    header, body = lines[:start], lines[start:]
    kept_header, dropped = _keep_header(header)
    kept_body, dropped_body = _keep_body(body, seen={fold(x) for x in kept_header})
    title = _plain(raw.title) or (kept_header[0] if kept_header else None)
    text = "\n\n".join(_with_title(raw.title, kept_header + kept_body))
    url = _plain(raw.url)
    return Article(
        id=article_id(url, text, raw.key),
        former_id=article_id(None, text) if raw.key and not url else None,
        origin=raw.origin,
        path=raw.path,
        title=title,
        url=url,
        published=normalise_date(raw.published) or _header_date(header) or _dateline_date(body),
        source=_plain(raw.source) or _outlet(lines),
        text=text,
        content_hash=digest(normalise_text(text), 64),
        dropped=dropped + dropped_body,
    )


def _plain(value: str | None) -> str | None:
    """Metadata as one clean line (no control characters), None when empty."""
    return normalise_text(value) or None if value else None


def article_id(url: str | None, text: str, key: str | None = None) -> str:
    """Stable article id, so a corrected article replaces its earlier version: from the
    URL when there is one, else from the file it is (its key), else from the text."""
    if url:
        basis = url.strip()
    elif key:
        basis = f"file:{key}"
    else:
        basis = normalise_text(text)
    return f"art-{digest(basis)}"


def _with_title(title: str | None, lines: list[str]) -> list[str]:
    if title and not any(fold(title) == fold(line) for line in lines):
        return [normalise_text(title), *lines]
    return lines


def _is_body_paragraph(line: str) -> bool:
    return len(line.split()) >= _MIN_BODY_WORDS and bool(_SENTENCE_END.search(line))


def _body_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _is_body_paragraph(line) and not _CAPTION.search(line):
            return i
    return 0


def _is_junk(line: str) -> bool:
    words = line.split()
    no_punctuation = not re.search(r"[.,;:!?'\"“”‘’]", line)
    return (len(words) > 25 and no_punctuation) or _RELATIVE_DATE.match(line) is not None


def _is_headline(line: str) -> bool:
    words = line.split()
    has_lowercase_word = any(w.isalpha() and w.islower() and len(w) > 2 for w in words)
    return (
        4 <= len(words) <= 40
        and has_lowercase_word
        and not line.lower().startswith("last modified")
    )


def _keep_header(header: list[str]) -> tuple[list[str], list[str]]:
    """Headline and standfirst lines of the header zone; the rest is dropped."""
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for line in header:
        key = fold(line)
        keep = (
            key not in seen
            and _is_headline(line)
            and not _is_junk(line)
            and not _CAPTION.search(line)
            and find_date(line) is None
        )
        (kept if keep else dropped).append(line)
        seen.add(key)
    return kept, dropped


def _keep_body(body: list[str], seen: set[str]) -> tuple[list[str], list[str]]:
    """Body lines up to the first end-of-article section, without teasers and captions."""
    kept: list[str] = []
    dropped: list[str] = []
    for i, line in enumerate(body):
        key = fold(line)
        if _is_end_mark(key):
            dropped.extend(body[i:])
            break
        if _is_teaser(body, i) or key in seen or _is_noise(line):
            dropped.append(line)
        else:
            kept.append(line)
        seen.add(key)
    return kept, dropped


def _is_end_mark(key: str) -> bool:
    return len(key.split()) <= 5 and any(
        key == mark or key.startswith(mark + " ") for mark in _END_MARKS
    )


def _is_teaser(lines: list[str], i: int) -> bool:
    """A "Read more" line, or a short headline-like line right before one."""
    if fold(lines[i]) in _TEASER_MARK:
        return True
    following = lines[i + 1] if i + 1 < len(lines) else ""
    return fold(following) in _TEASER_MARK and not _SENTENCE_END.search(lines[i])


def _is_noise(line: str) -> bool:
    short_fragment = len(line.split()) < 4 and not _SENTENCE_END.search(line)
    return short_fragment or _is_junk(line) or bool(_CAPTION.search(line))


def _header_date(header: list[str]) -> str | None:
    for line in header[:12]:
        found = find_date(line)
        if found:
            return found
    return None


def _dateline_date(body: list[str]) -> str | None:
    """The date of a dateline opening the body: "Brussels, 18 August 2023 – Talks ..."."""
    match = _DATELINE_PREFIX.match(body[0]) if body else None
    return find_date(match.group(0)) if match else None


def byline_authors(lines: list[str]) -> list[str]:
    """The writers a byline names ("By Jane Smith and Ali Khan, Balkan Insight", "By Jane
    Smith" alone, "By Jane Smith | May 4")."""
    for line in lines[:6]:
        if match := _BYLINE.match(line.strip()) or _LONE_BYLINE.match(line.strip()):
            return match.group("names").split(" and ")
    return []


def _byline_outlet(lines: list[str]) -> str | None:
    """The outlet a byline credits: after its comma ("By Jane Smith, Balkan Insight"), or
    alone on the line after a lone byline ("By Jane Smith" / "Eastern Flank Review"); a
    bureau or desk is no outlet."""
    for i, line in enumerate(lines[:5]):
        if match := _BYLINE.match(line):
            outlet = match.group("outlet").strip()
        elif _LONE_BYLINE.match(line) and i + 1 < len(lines) and _OUTLET_LINE.match(lines[i + 1]):
            outlet = lines[i + 1].strip()
        else:
            continue
        return None if outlet.split()[-1].lower() in _NOT_OUTLETS else outlet
    return None


def _outlet(lines: list[str]) -> str | None:
    """The outlet a dateline credits, or a byline names ("By Jane Smith, Balkan Insight")."""
    for line in lines[:5]:
        match = DATELINE.match(line)
        if match:
            return (match.group("outlet") or match.group("credited")).strip()
    return _byline_outlet(lines)
