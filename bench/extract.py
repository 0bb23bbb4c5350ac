"""Extraction and ingest throughput next to bare spaCy, in one run.

The sample articles are repeated with distinct ids (distinct URLs) up to
--articles; each stage runs --repeat times and the medians are printed:

  bare      nlp.pipe over the texts (the same pipeline extraction uses; n_process=workers)
  extract   cleaned articles -> GraphFragments on --workers processes (no database)
  ingest    extract + write to a fresh embedded graph, one transaction per article

Usage: python bench/extract.py [--articles 2000] [--repeat 3] [--batch-size 32] [--workers 1]
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from graph.falkordb_backend import FalkorDBBackend
from graph.store import GraphStore
from loaders.article import Article, RawArticle
from loaders.clean import clean
from loaders.parallel import extract_in_order
from loaders.pipeline import Extractor
from loaders.sources import read_paths
from service.ingest import ingest
from service.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def corpus(count: int) -> list[Article]:
    """count cleaned articles: the samples repeated, each copy with its own URL (id)."""
    raws = [r for r in read_paths([SAMPLES]) if isinstance(r, RawArticle)]
    return [
        clean(raws[i % len(raws)].model_copy(update={"url": f"https://bench.example/{i}"}))
        for i in range(count)
    ]


def timed(stage: Callable[[], None], repeat: int) -> float:
    """Median wall time of stage over repeat runs, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        stage()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1, help="extraction processes")
    args = parser.parse_args()

    articles = corpus(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor(model=Settings().spacy_model, batch_size=args.batch_size)
    nlp = extractor.nlp  # loaded before timing

    def bare() -> None:
        texts = (a.text for a in articles)
        for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
            pass

    def extract() -> None:
        for _ in extract_in_order(articles, extractor, workers=args.workers):
            pass

    def ingest_fresh() -> None:
        with tempfile.TemporaryDirectory() as data_dir:
            backend = FalkorDBBackend(Path(data_dir), graph="bench")
            store = GraphStore(backend)
            store.ensure_schema()
            report = ingest(articles, store=store, extractor=extractor, workers=args.workers)
            backend.close()
            assert report.new == len(articles), report

    print(f"{len(articles)} articles, {words:,} words, batch size {args.batch_size}, "
          f"{args.workers} worker(s), "
          f"median of {args.repeat} run(s)")  # fmt: skip
    base = timed(bare, args.repeat)
    for name, seconds in (("bare nlp.pipe", base), ("extract", timed(extract, args.repeat)),
                          ("ingest", timed(ingest_fresh, args.repeat))):  # fmt: skip
        print(f"{name:14} {seconds:8.2f} s  {words / seconds:9,.0f} words/s  "
              f"{base / seconds:5.2f}x of bare spaCy")  # fmt: skip


if __name__ == "__main__":
    main()
