"""The export formats: what each is made of, its media type, and how it is sent."""

from collections.abc import Iterable, Iterator
from enum import StrEnum

from graph.export import GraphExport
from graph.records import GraphCounts
from service.exports import graphml, jsonl, neo4j_csv
from service.exports.zipstream import zipped

CHUNK = 1 << 16  # bytes gathered before a piece of the body is sent


class ExportFormat(StrEnum):
    """GraphML (Gephi, yEd), CSV for neo4j-admin import, or fragment JSONL (ingest)."""

    GRAPHML = "graphml"
    CSV = "csv"
    JSONL = "jsonl"


MEDIA_TYPES = {
    ExportFormat.GRAPHML: "application/xml",
    ExportFormat.CSV: "application/zip",  # several files: a zip over REST
    ExportFormat.JSONL: "application/x-ndjson",
}
DOWNLOADS = {
    ExportFormat.GRAPHML: "newsgraph.graphml",
    ExportFormat.CSV: "newsgraph-csv.zip",
    ExportFormat.JSONL: "newsgraph.jsonl",
}


def files(fmt: ExportFormat, export: GraphExport) -> Iterator[tuple[str, Iterator[str]]]:
    """Each file of the format, by name, with its text in pieces (read as consumed)."""
    if fmt is ExportFormat.CSV:
        yield from neo4j_csv.files(export)
    elif fmt is ExportFormat.GRAPHML:
        yield DOWNLOADS[fmt], graphml.document(export)
    else:
        yield DOWNLOADS[fmt], jsonl.lines(export)


def body(fmt: ExportFormat, export: GraphExport) -> Iterator[bytes]:
    """What a download sends: the one file, or a zip of the CSV files, in pieces of at
    least CHUNK bytes (the first piece has read the graph's first page)."""
    if fmt is ExportFormat.CSV:
        pieces: Iterable[bytes] = zipped(files(fmt, export))
    else:
        pieces = (text.encode("utf-8") for _, text_pieces in files(fmt, export)
                  for text in text_pieces)  # fmt: skip
    return _gathered(pieces)


def elements(fmt: ExportFormat, counts: GraphCounts) -> int:
    """How many graph elements an export reads (what its progress counts)."""
    if fmt is ExportFormat.CSV:
        return counts.nodes + counts.relationships
    if fmt is ExportFormat.GRAPHML:
        return counts.entities + counts.relations
    return counts.articles


def _gathered(pieces: Iterable[bytes]) -> Iterator[bytes]:
    buffer = bytearray()
    for piece in pieces:
        buffer += piece
        if len(buffer) >= CHUNK:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)
