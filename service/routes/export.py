"""GET /api/v1/export: the whole graph as a download, streamed page by page."""

from itertools import chain
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from graph.export import GraphExport
from service.deps import StoreDep
from service.exports.formats import DOWNLOADS, MEDIA_TYPES, ExportFormat, body
from service.models import PROBLEMS

router = APIRouter(prefix="/api/v1", tags=["export"])
_BINARY = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "GraphML (application/xml); the neo4j-admin import CSV files in a "
            "zip (application/zip); or one fragment per line (application/x-ndjson)",
            "content": {media: _BINARY for media in MEDIA_TYPES.values()},
        },
        **PROBLEMS,
    },
)
def export(
    store: StoreDep,
    format_: Annotated[
        ExportFormat,
        Query(
            alias="format",
            description="graphml: for Gephi and yEd; csv: for neo4j-admin database import "
            "(a zip of node and relationship files); jsonl: fragments newsgraph ingest reads",
        ),
    ],
) -> StreamingResponse:
    """The whole graph in one format, read in pages as it is sent."""
    pieces = body(format_, GraphExport(store.backend))
    first = next(pieces, b"")  # the graph's first page: an engine that is down is a 503 here
    return StreamingResponse(
        chain([first], pieces),
        media_type=MEDIA_TYPES[format_],
        headers={"Content-Disposition": f'attachment; filename="{DOWNLOADS[format_]}"'},
    )
