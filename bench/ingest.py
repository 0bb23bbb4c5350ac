"""Bulk ingest: articles/s at each worker count, and peak memory at each corpus size.

Writes a JSONL feed of N distinct articles (the samples and the training corpus in turn,
each copy under its own URL), then runs `newsgraph ingest FEED --workers W` in a process
of its own on a fresh graph, for each size and worker count, --repeat times. This script
holds the embedded engine open, so the ingesting process's children are its extraction
workers alone. Per run it prints articles/s (the command's whole wall time, spaCy loading
included), the peak RSS of the ingesting process and of its largest worker; then medians
and the ratios between worker counts and between sizes.

Usage: python bench/ingest.py [--sizes 1000 5000] [--workers 1 2] [--repeat 1]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from graph.falkordb_backend import FalkorDBBackend
from loaders.article import RawArticle
from loaders.sources import JsonArticle, dumps_article, read_paths

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "articles", ROOT / "data" / "train" / "articles"]


def feed(path: Path, count: int) -> None:
    """count distinct articles as JSONL: the corpus repeated, each copy with its own URL."""
    raws = [r for r in read_paths(SOURCES) if isinstance(r, RawArticle)]
    with path.open("w", encoding="utf-8") as file:
        for i in range(count):
            raw = raws[i % len(raws)]
            article = JsonArticle(
                text=raw.text,
                title=raw.title,
                url=f"https://bench.example/{i}",
                published=raw.published,
                source=raw.source,
            )
            file.write(dumps_article(article) + "\n")


def child(path: Path, workers: int) -> None:
    """Run the ingest command here and print its time and peak memory as JSON."""
    from service.cli import app

    start = time.perf_counter()
    try:
        app(["ingest", str(path), "--workers", str(workers)])
    except SystemExit as done:
        if done.code:
            raise
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "parent_mb": own, "worker_mb": workers_mb}))


def run(data_dir: Path, path: Path, size: int, workers: int, graph: str) -> dict[str, float]:
    """One ingest of the feed into a fresh graph, in a process of its own."""
    env = {
        **os.environ,
        "NEWSGRAPH_DATA_DIR": str(data_dir),
        "NEWSGRAPH_GRAPH": graph,
        "NEWSGRAPH_NEO4J_URI": "",
    }
    command = [sys.executable, __file__, "--child", str(path), str(workers)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"ingest failed:\n{done.stderr}")
    figures = json.loads(done.stdout.splitlines()[-1])
    figures["rate"] = size / figures["seconds"]
    return figures


def runs(args: argparse.Namespace, data_dir: Path) -> Iterator[tuple[int, int, dict]]:
    """Every (size, workers) run, each printed as it ends."""
    for size in args.sizes:
        path = data_dir / f"feed-{size}.jsonl"
        feed(path, size)
        for workers in args.workers:
            for repeat in range(args.repeat):
                figures = run(data_dir, path, size, workers, f"bench-{size}-{workers}-{repeat}")
                print(line(size, workers, figures), f"({figures['seconds']:.1f} s)", flush=True)
                yield size, workers, figures


def line(size: int, workers: int, figures: dict[str, float]) -> str:
    """One run's (or the medians') figures."""
    return (
        f"{size:6} articles  {workers} worker(s)  {figures['rate']:6.1f} articles/s  peak RSS: "
        f"ingest {figures['parent_mb']:4.0f} MB, largest worker {figures['worker_mb']:4.0f} MB"
    )


def summary(results: list[tuple[int, int, dict]], args: argparse.Namespace) -> None:
    """Medians per (size, workers), and the ratios that matter."""
    median = {
        (s, w): {k: statistics.median(f[k] for s2, w2, f in results if (s2, w2) == (s, w))
                 for k in ("rate", "parent_mb", "worker_mb")}
        for s in args.sizes for w in args.workers
    }  # fmt: skip
    print(f"\nmedians of {args.repeat} run(s):")
    for (size, workers), figures in median.items():
        print(line(size, workers, figures))
    low, high = min(args.workers), max(args.workers)
    for size in args.sizes:
        if low != high:
            ratio = median[(size, high)]["rate"] / median[(size, low)]["rate"]
            print(f"{size} articles: {high} workers {ratio:.2f}x the articles/s of {low}")
    small, big = min(args.sizes), max(args.sizes)
    for workers in args.workers if small != big else ():
        a, b = median[(small, workers)], median[(big, workers)]
        ratios = [f"ingest {b['parent_mb'] / a['parent_mb']:.2f}x"]
        if a["worker_mb"]:  # one worker: extraction runs in the ingesting process
            ratios.append(f"largest worker {b['worker_mb'] / a['worker_mb']:.2f}x")
        print(f"{workers} worker(s): peak RSS at {big} / at {small} articles: {', '.join(ratios)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        keeper = FalkorDBBackend(Path(tmp), graph="keeper")  # the engine, for every run
        try:
            summary(list(runs(args, Path(tmp))), args)
        finally:
            keeper.close()


if __name__ == "__main__":
    main()
