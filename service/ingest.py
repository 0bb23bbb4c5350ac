"""Ingest: files -> articles -> fragments -> graph, with a report of what happened.

Each article is written in its own transaction, so a bad article never leaves
partial data and never stops the good ones beside it. Unchanged articles
(same id, same content hash) are skipped before the NLP runs. Fragments read from
JSONL (an export, or `extract --jsonl`) are written as they are, first, so that the
articles after them resolve against their entities; spaCy loads only for articles.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import batched, chain
from pathlib import Path

from graph.errors import ArticleNotFound, EngineUnavailable, GraphError
from graph.records import GraphCounts, WriteOutcome
from graph.store import GraphStore
from loaders.article import Article, LoadFailure, RawArticle
from loaders.clean import clean
from loaders.fragment import GraphFragment
from loaders.pipeline import Extractor
from loaders.sources import read_paths

Progress = Callable[[int], None]  # called with the number of inputs just finished


@dataclass
class IngestReport:
    """What an ingest run did, and the graph's size before and after it (counted as
    /health counts it, so the summary and /health never disagree)."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[LoadFailure] = field(default_factory=list)
    before: GraphCounts | None = None
    after: GraphCounts | None = None

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.failed

    def growth(self, count: str) -> int:
        """How much one of the graph's counts grew during the run (other writers included)."""
        if self.before is None or self.after is None:
            return 0
        return getattr(self.after, count) - getattr(self.before, count)


Item = Article | GraphFragment | LoadFailure


def prepare(
    loaded: Iterable[RawArticle | GraphFragment | LoadFailure], *, max_chars: int
) -> Iterator[Item]:
    """Clean raw articles; refuse those with no body left or over the length limit (a
    fragment's article too)."""
    for item in loaded:
        if isinstance(item, GraphFragment):
            yield _within(item, item.article.text, max_chars, item.article.path or item.article.id)
            continue
        if isinstance(item, LoadFailure):
            yield item
            continue
        if not item.text.strip():
            yield LoadFailure(origin=item.origin, reason="no article text")
            continue
        article = clean(item)
        if not article.text.strip():
            yield LoadFailure(origin=item.origin, reason="no article text left after cleaning")
        else:
            yield _within(article, article.text, max_chars, item.origin)


def _within[T](item: T, text: str, max_chars: int, origin: str) -> T | LoadFailure:
    if len(text) <= max_chars:
        return item
    return LoadFailure(
        origin=origin,
        reason=f"article is {len(text):,} characters, over the limit of "
        f"{max_chars:,} (NEWSGRAPH_MAX_ARTICLE_CHARS)",
    )


def load(paths: Iterable[str | Path], *, max_chars: int) -> list[Item]:
    """Every article, fragment (or failure) under the given paths, cleaned, in order."""
    return list(prepare(read_paths(paths), max_chars=max_chars))


def extract(items: list[Item], extractor: Extractor) -> Iterator[GraphFragment | LoadFailure]:
    """Fragments for the articles, and the fragments and failures as they were, in input
    order."""
    articles = [item for item in items if isinstance(item, Article)]
    fragments = extractor.extract(articles)
    for item in items:
        yield next(fragments) if isinstance(item, Article) else item


def ingest(
    items: list[Item],
    *,
    store: GraphStore,
    extractor: Extractor,
    chunk: int = 256,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Write every article and fragment to the graph; the report counts what happened to
    each input.

    Fragments are written first. One extraction pipe then runs over the articles (its
    worker processes start once); stored hashes are read a chunk at a time as the pipe
    pulls articles. With no article to extract, the pipe never starts.
    """
    report = IngestReport(before=store.counts())
    progress = on_progress or (lambda _: None)
    fragments = [item for item in items if isinstance(item, GraphFragment)]
    _write_fragments(fragments, store, chunk, report, progress)
    stored: dict[str, str] = {}
    rest = [item for item in items if not isinstance(item, GraphFragment)]
    todo = _to_extract(rest, store, chunk, stored, report, progress)
    first = next(todo, None)
    if first is not None:
        for fragment in extractor.extract(chain([first], todo), store.known_entities()):
            _write(fragment, stored.get(fragment.article.id), store, report)
            progress(1)
    report.after = store.counts()
    return report


def _write_fragments(
    fragments: list[GraphFragment],
    store: GraphStore,
    chunk: int,
    report: IngestReport,
    progress: Progress,
) -> None:
    """Write fragments as they are, each article once (a repeat counts as unchanged)."""
    done: set[str] = set()
    for batch in batched(fragments, chunk):
        stored = store.article_hashes(f.article.id for f in batch)
        for fragment in batch:
            if fragment.article.id in done:
                report.unchanged += 1
            else:
                _write(fragment, stored.get(fragment.article.id), store, report)
            done.add(fragment.article.id)
            progress(1)


def _to_extract(
    items: list[Article | LoadFailure],
    store: GraphStore,
    chunk: int,
    stored: dict[str, str],
    report: IngestReport,
    progress: Progress,
) -> Iterator[Article]:
    """The articles that need extracting; failures and unchanged ones are counted here."""
    done: set[str] = set()
    for batch in batched(items, chunk):
        failures = [x for x in batch if isinstance(x, LoadFailure)]
        report.failed.extend(failures)
        articles = [x for x in batch if isinstance(x, Article)]
        stored.update(store.article_hashes(a.id for a in articles))
        _retire_former_ids(articles, store)
        todo = _changed(articles, stored, done, report)
        progress(len(batch) - len(todo))
        yield from todo


def _retire_former_ids(articles: list[Article], store: GraphStore) -> None:
    """Delete the records an earlier rule wrote of these files' articles under the id their
    text gave them (a file's article is now known by its path), else re-ingesting the same
    files would double their evidence; each is written again under its own id. Only a
    record of a file of the same name is the same article."""
    names = {a.former_id: Path(a.path).name for a in articles if a.former_id and a.path}
    for former, path in store.article_paths(names).items():
        if path is None or Path(path).name != names[former]:
            continue
        try:
            store.delete_article(former)
        except ArticleNotFound:  # another process retired it first
            continue


def _changed(
    articles: list[Article], stored: dict[str, str], done: set[str], report: IngestReport
) -> list[Article]:
    """The articles whose content differs from the graph's (and not already done this run)."""
    todo = []
    for article in articles:
        if article.id in done or stored.get(article.id) == article.content_hash:
            report.unchanged += 1
        else:
            todo.append(article)
        done.add(article.id)
    return todo


def _write(
    fragment: GraphFragment, stored_hash: str | None, store: GraphStore, report: IngestReport
) -> None:
    try:
        outcome = store.write_fragment(fragment, stored_hash=stored_hash)
    except EngineUnavailable:
        raise
    except GraphError as err:
        origin = fragment.article.path or fragment.article.id
        report.failed.append(LoadFailure(origin=origin, reason=f"graph write failed: {err}"))
        return
    if outcome.status == "unchanged":
        report.unchanged += 1
        return
    report.new += outcome.status == "new"
    report.changed += outcome.status == "changed"


def ingest_one(
    raw: RawArticle, *, store: GraphStore, extractor: Extractor, max_chars: int
) -> tuple[WriteOutcome, GraphFragment] | LoadFailure:
    """Clean, extract and write one article (the REST path); a failure says why."""
    [item] = prepare([raw], max_chars=max_chars)
    if isinstance(item, LoadFailure):
        return item
    [fragment] = extractor.extract([item])
    return store.write_fragment(fragment), fragment
