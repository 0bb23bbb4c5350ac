"""Files and folders -> raw articles, each bad input a one-line failure.

Reading never raises for bad input: every path yields articles or
`LoadFailure`s, so one broken file never stops the others. A `.jsonl` line may also
hold a graph fragment (what `newsgraph extract --jsonl` and `newsgraph export --format
jsonl` print): it is read as one, already extracted. A `.jsonl` file is read a line at a
time, so a file of any size is read in constant memory.
"""

import json
import os
from collections.abc import Iterable, Iterator
from enum import Enum
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pydantic import BaseModel, ValidationError

from loaders.article import LoadFailure, RawArticle
from loaders.fragment import GraphFragment
from loaders.html_text import html_to_text

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
FRAGMENT_KEYS = frozenset({"article", "entities"})  # a JSONL object with both is a fragment
BINARY_PROBE = 8192  # a NUL byte in a file's first bytes: binary, not text
Loaded = RawArticle | GraphFragment | LoadFailure


class Part(Enum):
    """Which inputs a reading yields: all of them, only the fragment lines of .jsonl files
    (with their failures), or everything else (the articles and every other failure)."""

    ALL = "all"
    FRAGMENTS = "fragments"
    ARTICLES = "articles"


class JsonArticle(BaseModel):
    """One line of a .jsonl file (also the REST ingest body)."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


def read_paths(paths: Iterable[str | Path], *, part: Part = Part.ALL) -> Iterator[Loaded]:
    """Yield the articles (or failures) in the given files and folders, in order."""
    for target in _targets(paths):
        if isinstance(target, LoadFailure):
            if part is not Part.FRAGMENTS:
                yield target
        elif part is not Part.FRAGMENTS or _kind(target[0]) == "jsonl":
            yield from read_file(target[0], key=target[1], part=part)


def read_fragments_first(paths: Iterable[str | Path]) -> Iterator[Loaded]:
    """Every input, the fragments of all .jsonl files first (so that the articles resolve
    against their entities), then the rest in order: the files are read twice, lazily."""
    paths = list(paths)
    return chain(read_paths(paths, part=Part.FRAGMENTS), read_paths(paths, part=Part.ARTICLES))


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs read_paths yields (a progress total), from one quick pass over the
    bytes that parses nothing."""
    total = 0
    for target in _targets(paths):
        if isinstance(target, LoadFailure) or _kind(target[0]) != "jsonl":
            total += 1
        else:
            total += _jsonl_count(target[0])
    return total


def _jsonl_count(path: Path) -> int:
    """A .jsonl file's non-blank lines; 1 for a file that fails whole (one failure)."""
    try:
        with path.open("rb") as file:
            if b"\x00" in file.read(BINARY_PROBE):
                return 1
            file.seek(0)
            return max(1, sum(1 for line in file if line.strip()))
    except OSError:
        return 1


def _targets(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None] | LoadFailure]:
    """Each file to read with its key, or the failure of a path that names none."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path)
        elif path.is_file():
            yield path, file_key(path.parent, path)
        else:
            yield LoadFailure(origin=str(path), reason="no such file or directory")


def _folder_files(folder: Path) -> Iterator[tuple[Path, str | None] | LoadFailure]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        kinds = ", ".join(sorted(SUFFIXES))
        yield LoadFailure(origin=str(folder), reason=f"folder holds no article files ({kinds})")
    for file in files:
        yield file, file_key(folder, file)


def _kind(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def file_key(folder: Path, file: Path) -> str:
    """Who a file's article is: its path from the folder named to ingest, starting with
    that folder's own name (`articles/sub/a.txt`), so the same wherever the folder is
    (moved, or seen from a container) and the same as when the file is named alone."""
    root = Path(os.path.abspath(folder))  # ".." and "." resolved, symlinks left as named
    return PurePosixPath(root.name, *file.relative_to(folder).parts).as_posix()


def read_file(path: Path, *, key: str | None = None, part: Part = Part.ALL) -> Iterator[Loaded]:
    """Yield the article(s) of one file; key names a text or HTML file's one article."""
    kind = _kind(path)
    if kind is None:
        expected = ", ".join(sorted(SUFFIXES))
        yield LoadFailure(origin=str(path), reason=f"unsupported file type (expected {expected})")
        return
    if kind == "jsonl":
        yield from _jsonl_file(path, part)
        return
    try:
        text = decode(path.read_bytes())
    except (OSError, ValueError) as err:
        yield LoadFailure(origin=str(path), reason=_reason(err))
        return
    if kind == "html":
        body, meta = html_to_text(text)
        yield _checked(RawArticle(origin=str(path), path=str(path), key=key, text=body, **meta))
    else:
        meta = side_meta(path)
        yield _checked(RawArticle(origin=str(path), path=str(path), key=key, text=text, **meta))


class SideMeta(BaseModel):
    """What `<stem>.meta.json` beside a text file says of its article."""

    published: str | None = None
    outlet: str | None = None


def side_meta(path: Path) -> dict[str, str]:
    """The date and outlet a text file's `<stem>.meta.json` gives (none when it is
    missing or unreadable: the metadata is optional, the text is the article). Its url
    is left out: in a written corpus it names the page the facts came from, and
    articles written from one page would share an id."""
    meta = path.with_suffix(".meta.json")
    try:
        found = SideMeta.model_validate_json(meta.read_bytes())
    except (OSError, ValidationError):
        return {}
    fields = {"published": found.published, "source": found.outlet}
    return {k: v for k, v in fields.items() if isinstance(v, str) and v.strip()}


def decode(data: bytes) -> str:
    """UTF-8 text of a file's bytes; ValueError with a reader's reason otherwise."""
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"not UTF-8 text (invalid byte at offset {err.start})") from err


def _jsonl_file(path: Path, part: Part) -> Iterator[Loaded]:
    """A .jsonl file's lines, read one at a time; a failure of the whole file (unreadable,
    binary, empty) belongs to the articles' part."""
    whole = part is not Part.FRAGMENTS
    try:
        with path.open("rb") as file:
            if b"\x00" in file.read(BINARY_PROBE):
                if whole:
                    yield LoadFailure(origin=str(path), reason="binary file, not text")
                return
            file.seek(0)
            found = yield from _jsonl_lines(path, file, part)
    except OSError as err:
        if whole:
            yield LoadFailure(origin=str(path), reason=_reason(err))
        return
    if not found and whole:
        yield LoadFailure(origin=str(path), reason="empty file")


def _jsonl_lines(path: Path, file: BinaryIO, part: Part) -> Iterator[Loaded]:
    """The part asked for of a file's non-blank lines; returns whether it had any."""
    found, offset = False, 0
    for number, raw in enumerate(file, start=1):
        data = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
        start, offset = offset + len(raw) - len(data), offset + len(raw)
        if not data.strip():
            continue
        found, origin = True, f"{path}:{number}"
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as err:
            if part is not Part.FRAGMENTS:
                reason = f"not UTF-8 text (invalid byte at offset {start + err.start})"
                yield LoadFailure(origin=origin, reason=reason)
            continue
        item = _jsonl_line(origin, path, line, part)
        if item is not None:
            yield item
    return found


def _jsonl_line(origin: str, path: Path, line: str, part: Part = Part.ALL) -> Loaded | None:
    """One line: an article object, or a fragment (an object with article and entities);
    None when it belongs to the other part."""
    try:
        data = json.loads(line)
    except ValueError:
        return None if part is Part.FRAGMENTS else LoadFailure(origin=origin, reason="invalid JSON")
    fragment = isinstance(data, dict) and data.keys() >= FRAGMENT_KEYS
    if (part is Part.FRAGMENTS and not fragment) or (part is Part.ARTICLES and fragment):
        return None
    if fragment:
        return _fragment(origin, data)
    try:
        record = JsonArticle.model_validate(data)
    except ValidationError as err:
        return LoadFailure(origin=origin, reason=_json_reason(err))
    return _checked(RawArticle(origin=origin, path=str(path), **record.model_dump()))


def _fragment(origin: str, data: dict[str, object]) -> Loaded:
    """A fragment line, refused when invalid or when its evidence names another article
    (an article's evidence is what re-ingesting it replaces)."""
    try:
        fragment = GraphFragment.model_validate(data)
    except ValidationError as err:
        return LoadFailure(origin=origin, reason=_json_reason(err, "fragment"))
    article = fragment.article.id
    if any(e.article_id != article for r in fragment.relations for e in r.evidence):
        reason = f"invalid fragment: evidence of an article other than {article!r}"
        return LoadFailure(origin=origin, reason=reason)
    return fragment


def _checked(article: RawArticle) -> Loaded:
    if not article.text.strip():
        return LoadFailure(origin=article.origin, reason="no article text")
    return article


def _json_reason(err: ValidationError, what: str = "article object") -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "line"
    return f"invalid {what}: {where}: {first['msg']}"


def _reason(err: Exception) -> str:
    if isinstance(err, OSError):
        return err.strerror or type(err).__name__
    return str(err)


def dumps_article(article: JsonArticle) -> str:
    """One .jsonl line for an article (used by tests and tools that write corpora)."""
    return json.dumps(article.model_dump(exclude_none=True), ensure_ascii=False)
