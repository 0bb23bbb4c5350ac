"""Schemathesis over the OpenAPI document: generated requests never get a server error,
and every response matches the documented schema. Runs on a graph of its own.

positive_data_acceptance is left out on purpose: a request can fit the schema and
still be refused for what it says (an article with no text left after cleaning,
Cypher that does not parse, a topic nobody has written about), as documented.
"""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from graph.console import MAX_QUERY_CHARS
from loaders.pipeline import Extractor
from service.ingest import ingest, load
from service.main import create_app
from service.settings import Settings
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow
KEY = "fuzz-key"
# The app exists at import so schemathesis can read its schema; its engine starts
# only in the lifespan, which the fixture below runs.
DATA_DIR = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-"))
# The body limit holds the longest valid console query however JSON escapes it (12 bytes
# for a character outside the BMP), so a query one character too long reaches validation
# (422) instead of the body limit (413, tested in test_write_api).
BODY = 12 * MAX_QUERY_CHARS + 100_000
APP = create_app(Settings(data_dir=DATA_DIR, neo4j_uri=None, api_key=KEY, max_body_bytes=BODY))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def running_app(extractor: Extractor) -> Iterator[None]:
    """The app's lifespan, over a graph holding the samples."""
    with TestClient(APP):
        store = APP.state.store
        ingest(load([SAMPLES], max_chars=1_000_000), store=store, extractor=extractor)
        yield


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_schema_no_server_errors(case) -> None:
    case.call_and_validate(headers={"X-API-Key": KEY}, excluded_checks=[positive_data_acceptance])
