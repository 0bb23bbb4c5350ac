"""The `newsgraph` command: ingest, extract, export, delete, serve, up, engine status,
topics, train."""

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from graph.errors import ArticleNotFound, BadSplit, GraphError
from graph.export import GraphExport
from loaders.article import LoadFailure
from loaders.decide import MODEL_PATH
from loaders.errors import LoaderError
from loaders.pipeline import Extractor
from loaders.sources import count_inputs
from service.exports.formats import ExportFormat, elements, files
from service.ingest import IngestReport, extract, ingest, read
from service.main import create_app, open_store
from service.settings import Settings

app = typer.Typer(help="Turn news articles into a knowledge graph.", no_args_is_help=True)
engine_app = typer.Typer(help="The graph engine.", no_args_is_help=True)
app.add_typer(engine_app, name="engine")
topics_app = typer.Typer(help="Topics in the graph.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")
err = Console(stderr=True, soft_wrap=True)

Paths = Annotated[
    list[Path],
    typer.Argument(help="article files (.txt, .html, .jsonl of articles or fragments) or folders"),
]
Host = Annotated[str | None, typer.Option(help="interface to listen on [default: 127.0.0.1]")]
Workers = Annotated[
    int | None,
    typer.Option(
        min=1,
        max=64,
        help="extraction processes [default: NEWSGRAPH_WORKERS, else the number of CPUs]",
    ),
]
Port = Annotated[int | None, typer.Option(help="port to listen on [default: 8000]")]
ApiWorkers = Annotated[
    int | None,
    typer.Option(min=1, max=32, help="server processes [default: NEWSGRAPH_API_WORKERS, 1]"),
]


def main() -> None:
    """Entry point: project errors become one red line and exit code 2, never a traceback."""
    try:
        app()
    except (GraphError, LoaderError) as error:
        err.print(f"[red]error:[/red] {error}")
        sys.exit(2)


@app.command("ingest")
def ingest_command(paths: Paths, workers: Workers = None) -> None:
    """Read articles, extract entities and relations, and write them to the graph; run
    again after a stop, it skips the articles already written."""
    report = _ingest(_with_workers(Settings(), workers), paths)
    raise typer.Exit(130 if report.interrupted else 0 if report.ok else 1)


@app.command("extract")
def extract_command(
    paths: Paths,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="print one fragment per line")] = False,
    workers: Workers = None,
) -> None:
    """Extract graph fragments and print them; the graph is not touched."""
    settings = _with_workers(Settings(), workers)
    items = read(paths, max_chars=settings.max_article_chars)
    extractor = _extractor(settings)
    failed = 0
    for result in extract(items, extractor, workers=_workers_for(settings, count_inputs(paths))):
        if isinstance(result, LoadFailure):
            failed += 1
            err.print(f"[red]failed[/red] {result.origin}: {result.reason}")
        elif jsonl:
            print(result.model_dump_json(exclude_none=True), flush=False)
        else:
            names = ", ".join(f"{e.name} ({e.label})" for e in result.entities)
            print(f"{result.article.path or result.article.id}: {names}")
    raise typer.Exit(1 if failed else 0)


@app.command("serve")
def serve_command(host: Host = None, port: Port = None, api_workers: ApiWorkers = None) -> None:
    """Serve the REST API."""
    settings = Settings()
    _serve(
        settings.model_copy(update={"api_workers": api_workers or settings.api_workers}), host, port
    )


@app.command("up")
def up_command(host: Host = None, port: Port = None) -> None:
    """Ingest the sample articles if they are not in the graph yet, then serve."""
    settings = Settings()
    if settings.articles_dir.is_dir():
        _ingest(settings, [settings.articles_dir])
    else:
        err.print(f"no articles at {settings.articles_dir}; serving the graph as it is")
    _serve(settings, host, port)


@engine_app.command("status")
def engine_status() -> None:
    """Which engine, where, whether it answers, and the graph's size."""
    settings = Settings()
    store = open_store(settings)
    try:
        counts = store.counts()
        print(f"engine:    {store.backend.kind}")
        print(f"location:  {store.backend.location}")
        print("reachable: yes")
        for name, value in counts.model_dump().items():
            print(f"{name + ':':<14} {value}")
    finally:
        store.backend.close()


def _ingest(settings: Settings, paths: list[Path]) -> IngestReport:
    """Stream the inputs into the graph with a progress bar; Ctrl-C or SIGTERM stops it,
    leaving whole articles only (each is one transaction)."""
    total = count_inputs(paths)
    items = read(paths, max_chars=settings.max_article_chars)
    store = open_store(settings)
    extractor = _extractor(settings)
    try:
        with _progress() as progress, _terminate_as_interrupt():
            task = progress.add_task("ingesting", total=total)
            report = ingest(
                items,
                store=store,
                extractor=extractor,
                workers=_workers_for(settings, total),
                chunk=settings.batch_size * 4,
                on_progress=lambda n: progress.advance(task, n),
            )
    finally:
        store.backend.close()
    _print_report(report)
    return report


def _workers_for(settings: Settings, total: int) -> int:
    """No more processes than there are batches to share out (each loads spaCy)."""
    return max(1, min(settings.workers, -(-total // settings.batch_size)))


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (kill) stops the run as Ctrl-C does: after the write under way."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command("export")
def export_command(
    format_: Annotated[
        str | None, typer.Option("--format", help="graphml, csv or jsonl", show_default=False)
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="folder for the files (created); without it, graphml or jsonl to stdout"),
    ] = None,
) -> None:
    """Export the graph: GraphML for Gephi and yEd, CSV for `neo4j-admin database import`,
    or JSONL fragments that `newsgraph ingest` reads back."""
    fmt = _export_target(format_, out)
    store = open_store(Settings())
    try:
        with _progress() as progress:
            task = progress.add_task(f"exporting {fmt}", total=elements(fmt, store.counts()))
            export = GraphExport(store.backend, on_progress=lambda n: progress.advance(task, n))
            written = _write_files(files(fmt, export), out)
    finally:
        store.backend.close()
    for path in written:
        err.print(f"wrote {path}")


def _export_target(format_: str | None, out: Path | None) -> ExportFormat:
    """The format asked for, checked with where it goes: a bad choice is one line, exit 2."""
    choices = ", ".join(f.value for f in ExportFormat)
    if format_ not in {f.value for f in ExportFormat}:
        _fail(f"--format must be one of {choices} (got {format_!r})")
    fmt = ExportFormat(format_)
    if out is None and fmt is ExportFormat.CSV:
        _fail("csv is several files: give --out DIR")
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _fail(f"cannot use {out} as the output folder: {error.strerror or error}")
    return fmt


def _write_files(exported: Iterable[tuple[str, Iterator[str]]], out: Path | None) -> list[Path]:
    """Each file into out (written aside, renamed when whole), or the one file to stdout."""
    written = []
    for name, pieces in exported:
        if out is None:
            for piece in pieces:
                sys.stdout.buffer.write(piece.encode("utf-8"))
            sys.stdout.buffer.flush()
            continue
        path, partial = out / name, out / f".{name}.part"
        try:
            with partial.open("w", encoding="utf-8", newline="") as file:
                file.writelines(pieces)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(path)
        written.append(path)
    return written


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(2)


@app.command("delete")
def delete_command(
    ids: Annotated[list[str], typer.Argument(help="article ids (see GET /api/v1/articles)")],
) -> None:
    """Delete articles and every fact only they supported, each in one transaction; exits 1
    if an id names no article, after deleting the others."""
    store = open_store(Settings())
    missing = 0
    try:
        for article_id in ids:
            try:
                deleted = store.delete_article(article_id)
            except ArticleNotFound:
                missing += 1
                err.print(f"[red]no article[/red] {article_id}")
                continue
            err.print(
                f"deleted {article_id}: {deleted.evidence} evidence sentences, "
                f"{deleted.relations} relations, {len(deleted.entities)} entities"
            )
    finally:
        store.backend.close()
    raise typer.Exit(1 if missing else 0)


@topics_app.command("phrases")
def topics_phrases_command(topic: Annotated[str, typer.Argument(help="a topic id")]) -> None:
    """The phrases a topic's evidence named it by, with how many sentences used each."""
    store = open_store(Settings())
    try:
        for phrase, sentences in store.topic_phrases(topic).items():
            typer.echo(f"{sentences:5}  {phrase}")
    finally:
        store.backend.close()


@topics_app.command("split")
def topics_split_command(
    topic: Annotated[str, typer.Argument(help="a topic id")],
    phrase: Annotated[list[str], typer.Option(help="a phrase to move out (repeatable)")],
    name: Annotated[str | None, typer.Option(help="the new topic's name")] = None,
) -> None:
    """Undo a bad merge: the sentences that named a topic by these phrases move to a topic of
    their own (see `newsgraph topics phrases`). A later ingest of the same articles merges
    them again if their frames are still the same."""
    store = open_store(Settings())
    try:
        new = store.split_topic(topic, phrase, name=name)
    except BadSplit as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from None
    finally:
        store.backend.close()
    err.print(f"moved the sentences naming {topic} by {phrase} to {new}")


@app.command("train")
def train_command(
    corpus: Annotated[
        Path, typer.Option(help="annotated set: articles/*.txt beside gold/*.json")
    ] = Path("data/train"),
    out: Annotated[Path, typer.Option(help="where the model is written")] = MODEL_PATH,
    folds: Annotated[int, typer.Option(min=0, max=20, help="cross-validation folds (0: none)")] = 5,
) -> None:
    """Train the learned decision from the annotated corpus and report cross-validated scores."""
    try:
        import sklearn  # noqa: F401

        from loaders.training import PRECISION_FLOOR, train
    except ImportError:
        err.print("[red]error:[/red] training needs scikit-learn: pip install 'newsgraph[train]'")
        raise typer.Exit(2) from None

    if not (corpus / "gold").is_dir() or not (corpus / "articles").is_dir():
        err.print(f"[red]error:[/red] {corpus} has no articles/ and gold/ folders")
        raise typer.Exit(2)
    settings = Settings()
    extractor = Extractor(model=settings.spacy_model, batch_size=settings.batch_size, decide=False)
    with err.status(f"reading and training on {corpus} ..."):
        decider, card = train(corpus, extractor, folds=folds if folds > 1 else 0)
    out.parent.mkdir(parents=True, exist_ok=True)
    decider.save(out, card)
    cv = card.get("cross_validation", {})
    for threshold, scores in cv.get("by_threshold", {}).items():
        strict, lenient = scores["strict"], scores["lenient"]
        err.print(
            f"  cross-validated at {threshold}: P {strict['precision']} R {strict['recall']} "
            f"F1 {strict['f1']} (lenient F1 {lenient['f1']})"
        )
    if cv:
        err.print(
            f"thresholds (cross-validated precision >= {PRECISION_FLOOR} by one standard "
            f"error): {cv['thresholds']}"
        )


def _with_workers(settings: Settings, workers: int | None) -> Settings:
    return settings.model_copy(update={"workers": workers}) if workers else settings


def _extractor(settings: Settings) -> Extractor:
    return Extractor(model=settings.spacy_model, batch_size=settings.batch_size)


class RateColumn(ProgressColumn):
    """Inputs finished per second."""

    def render(self, task: Task) -> Text:
        """The task's recent rate, once there is one."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _print_report(report: IngestReport) -> None:
    for failure in report.failed:
        err.print(f"[red]failed[/red] {failure.origin}: {failure.reason}")
    err.print(
        f"{report.articles} article(s): {report.new} new, {report.changed} changed, "
        f"{report.unchanged} unchanged, {len(report.failed)} failed"
    )
    if report.unchanged:
        err.print(
            f"skipped {report.unchanged} article(s) the graph already holds unchanged "
            "(not extracted again)"
        )
    if report.interrupted:
        err.print(
            "[yellow]interrupted[/yellow]: the articles counted above are in the graph; "
            "run the same command again to go on (it skips them)"
        )
    if report.after is not None:  # the graph's totals, as /health counts them
        after, grew = report.after, report.growth
        err.print(
            f"graph: {after.entities} entities ({grew('entities'):+}), {after.relations} "
            f"relations ({grew('relations'):+}), {after.evidence} evidence sentences "
            f"({grew('evidence'):+}), {after.articles} articles"
        )


def _serve(settings: Settings, host: str | None, port: int | None) -> None:
    """One server process, or api_workers of them sharing the engine. The engine is opened
    here first, once (a bad configuration fails before uvicorn starts): one server process
    serves with it; several workers join it, held open until they stop."""
    import uvicorn

    from service.server import uvicorn_options

    if host:  # the app reads it (the console is open on loopback only); workers too
        settings = settings.model_copy(update={"host": host})
        os.environ["NEWSGRAPH_HOST"] = host
    options = {
        "host": settings.host,
        "port": port or settings.port,
        "access_log": settings.access_log,
        **uvicorn_options(),
    }
    store = open_store(settings)
    try:
        if settings.api_workers == 1:
            uvicorn.run(create_app(settings, store=store), **options)
        else:  # each worker builds the app from the same NEWSGRAPH_* environment
            uvicorn.run(
                "service.main:create_app", factory=True, workers=settings.api_workers, **options
            )
    finally:
        store.backend.close()  # already closed by the app's lifespan, if it ran


if __name__ == "__main__":
    main()
