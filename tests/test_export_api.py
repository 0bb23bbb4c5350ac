"""GET /api/v1/export through the real app on the samples graph: each format as the CLI
writes it, streamed, and a bad format refused as the other routes refuse bad enums."""

import io
import zipfile
from collections.abc import Iterator

import httpx
import pytest

from graph.connect import open_backend
from graph.export import GraphExport
from service.exports.formats import ExportFormat, files
from service.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def direct(samples_settings: Settings) -> Iterator[dict[ExportFormat, dict[str, str]]]:
    """Each format's files read from the samples graph directly, not over HTTP."""
    backend = open_backend(**samples_settings.engine_options())
    export = GraphExport(backend)
    yield {
        fmt: {name: "".join(pieces) for name, pieces in files(fmt, export)} for fmt in ExportFormat
    }
    backend.close()


@pytest.mark.parametrize(
    ("fmt", "media", "download"),
    [
        (ExportFormat.GRAPHML, "application/xml", "newsgraph.graphml"),
        (ExportFormat.JSONL, "application/x-ndjson", "newsgraph.jsonl"),
    ],
)
def test_export_api_sends_the_one_file_formats(
    client, direct, fmt: ExportFormat, media: str, download: str
) -> None:
    response = client.get("/api/v1/export", params={"format": fmt.value})
    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert response.headers["content-disposition"] == f'attachment; filename="{download}"'
    assert response.content.decode("utf-8") == direct[fmt][download]


def test_export_api_sends_the_csv_files_in_a_zip(client, direct) -> None:
    response = client.get("/api/v1/export", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert "newsgraph-csv.zip" in response.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.testzip() is None
        sent = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert sent == direct[ExportFormat.CSV]


@pytest.mark.parametrize("params", [{"format": "xml"}, {"format": "GraphML"}, {}])
def test_export_api_unknown_format_is_422_problem(client, params: dict) -> None:
    response = client.get("/api/v1/export", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "format"]


def test_export_api_streams_without_a_length(live_url: str) -> None:
    with httpx.stream("GET", f"{live_url}/api/v1/export", params={"format": "jsonl"}) as r:
        assert r.status_code == 200
        assert "content-length" not in r.headers
        assert r.headers["transfer-encoding"] == "chunked"
        lines = b"".join(r.iter_bytes()).decode("utf-8").splitlines()
    assert len(lines) == 5  # one fragment per sample article
