"""The graph as fragment JSONL: one article's fragment per line, as `newsgraph extract
--jsonl` prints them and `newsgraph ingest` reads them back (no extraction on the way in)."""

from collections.abc import Iterator

from graph.export import GraphExport


def lines(export: GraphExport) -> Iterator[str]:
    """One JSON line per article, in article id order."""
    for fragment in export.fragments():
        yield fragment.model_dump_json(exclude_none=True) + "\n"
