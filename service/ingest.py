"""Ingest: files -> articles -> fragments -> graph, with a report of what happened.

Inputs stream through: read lazily, screened a chunk at a time, extracted in batches
(on several processes), written one article at a time, so memory does not grow with
the input. Each article is written in its own transaction, so a bad article never
leaves partial data and never stops the good ones beside it, and a run stopped
anywhere leaves whole articles only. Unchanged articles (same id, same content hash)
are skipped before the NLP runs, which is also how a stopped run resumes. Fragments
read from JSONL (an export, or `extract --jsonl`) are written as they are, first, so
that the articles after them resolve against their entities; spaCy loads only for
articles.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import batched
from pathlib import Path

from graph.errors import ArticleNotFound, EngineUnavailable, GraphError
from graph.records import GraphCounts, WriteOutcome
from graph.store import GraphStore
from loaders.article import Article, LoadFailure, RawArticle
from loaders.clean import clean
from loaders.fragment import GraphFragment
from loaders.parallel import extract_in_order
from loaders.pipeline import Extractor
from loaders.sources import read_fragments_first

Progress = Callable[[int], None]  # called with the number of inputs just finished


@dataclass
class IngestReport:
    """What an ingest run did, and the graph's size before and after it (counted as
    /health counts it, so the summary and /health never disagree)."""

    articles: int = 0  # articles and fragments read (inputs that failed to load aside)
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: list[LoadFailure] = field(default_factory=list)
    before: GraphCounts | None = None
    after: GraphCounts | None = None
    interrupted: bool = False  # stopped before the end: run again to resume

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


def read(paths: Iterable[str | Path], *, max_chars: int) -> Iterator[Item]:
    """Every article, fragment (or failure) under the given paths, cleaned, read lazily: the
    fragments of .jsonl files first, then everything else in order."""
    return prepare(read_fragments_first(paths), max_chars=max_chars)


def load(paths: Iterable[str | Path], *, max_chars: int) -> list[Item]:
    """What read() yields, held in a list (for small inputs)."""
    return list(read(paths, max_chars=max_chars))


def extract(
    items: Iterable[Item], extractor: Extractor, *, workers: int = 1
) -> Iterator[GraphFragment | LoadFailure]:
    """Fragments for the articles, and the fragments and failures as they were, in input
    order."""
    return extract_in_order(items, extractor, workers=workers)


def ingest(
    items: Iterable[Item],
    *,
    store: GraphStore,
    extractor: Extractor,
    workers: int = 1,
    chunk: int = 256,
    on_progress: Progress | None = None,
) -> IngestReport:
    """Write every article and fragment to the graph in input order, each in its own
    transaction; the report counts what happened to each input.

    items are consumed lazily, so a stream of any length takes constant memory. Articles
    the graph already holds unchanged are skipped before extraction (so an interrupted
    run, run again, resumes cheaply); the others are extracted on `workers` processes and
    written here. An interrupt (KeyboardInterrupt) ends the run with the report so far.
    """
    report = IngestReport(before=store.counts())
    progress = on_progress or (lambda _: None)
    stored: dict[str, str | None] = {}  # stored hash of each article on its way to the graph
    todo = _screen(items, store, chunk, stored, report, progress)
    fragments = extract_in_order(todo, extractor, workers=workers, known=store.known_entities)
    try:
        with closing(fragments):  # stops the workers at once if the writing stops
            for fragment in fragments:
                _write(fragment, stored.pop(fragment.article.id, None), store, report)
                progress(1)
    except KeyboardInterrupt:
        report.interrupted = True
        return report
    report.after = store.counts()
    return report


def _screen(
    items: Iterable[Item],
    store: GraphStore,
    chunk: int,
    stored: dict[str, str | None],
    report: IngestReport,
    progress: Progress,
) -> Iterator[Article | GraphFragment]:
    """The articles to extract and fragments to write, in order; failures, repeats and
    what the graph already holds unchanged are counted here, a chunk at a time."""
    done: set[str] = set()
    for batch in batched(items, chunk):
        report.failed.extend(x for x in batch if isinstance(x, LoadFailure))
        kept = [x for x in batch if not isinstance(x, LoadFailure)]
        report.articles += len(kept)
        hashes = store.article_hashes(_identity(x)[0] for x in kept)
        _retire_former_ids([x for x in kept if isinstance(x, Article)], store)
        todo = []
        for item in kept:
            article_id, content_hash = _identity(item)
            if article_id in done or hashes.get(article_id) == content_hash:
                report.unchanged += 1
            else:
                stored[article_id] = hashes.get(article_id)
                todo.append(item)
            done.add(article_id)
        progress(len(batch) - len(todo))
        yield from todo


def _identity(item: Article | GraphFragment) -> tuple[str, str]:
    """An article's id and content hash, whether still to extract or already a fragment."""
    article = item.article if isinstance(item, GraphFragment) else item
    return article.id, article.content_hash


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
