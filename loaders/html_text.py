"""HTML page -> visible article text and the metadata its head declares."""

from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"}
_SKIP |= {"svg", "iframe", "button", "select", "figcaption"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
_BLOCK |= {"article", "blockquote", "pre", "ul", "ol", "table", "main"}
_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "source",
    "og:url": "url",
    "article:published_time": "published",
    "date": "published",
    "pubdate": "published",
    "publish-date": "published",
    "dc.date": "published",
}


class _PageParser(HTMLParser):
    """Collects visible text per block, the <title>, and <meta>/<link> metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.article_blocks: list[list[str]] | None = None
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            self._meta(values)
        elif tag == "link" and values.get("rel") == "canonical" and values.get("href"):
            self.meta.setdefault("url", values["href"])
        if tag == "article":
            self._article_depth += 1
            if self.article_blocks is None:
                self.article_blocks = [[]]
        if tag in _BLOCK:
            self._new_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag in _BLOCK:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.blocks[-1].append(data)
            if self._article_depth and self.article_blocks is not None:
                self.article_blocks[-1].append(data)

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or "").lower()
        if key in _META_KEYS and values.get("content"):
            self.meta.setdefault(_META_KEYS[key], values["content"].strip())

    def _new_block(self) -> None:
        self.blocks.append([])
        if self._article_depth and self.article_blocks is not None:
            self.article_blocks.append([])


def _join(blocks: list[list[str]]) -> str:
    lines = (" ".join("".join(parts).split()) for parts in blocks)
    return "\n\n".join(line for line in lines if line)


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Visible text (the <article> element when the page has one) and head metadata."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    article_text = _join(parser.article_blocks or [])
    return article_text or _join(parser.blocks), meta
