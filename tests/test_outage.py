"""The database goes away mid-run: 503 with Retry-After, then recovery without a restart."""

import os
import signal
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.main import create_app
from service.settings import Settings

pytestmark = pytest.mark.slow


def test_outage_gives_503_then_recovers(tmp_path: Path) -> None:
    data = tmp_path / "db"
    with TestClient(create_app(Settings(data_dir=data, neo4j_uri=None))) as client:
        assert client.get("/health").status_code == 200
        backend = client.app.state.store.backend  # type: ignore[attr-defined]
        os.kill(backend._db.client.pid, signal.SIGKILL)  # the engine dies...
        time.sleep(0.3)
        data.rename(tmp_path / "away")  # ...and its directory is gone (a lost mount)
        data.write_text("not a directory")

        down = client.get("/api/v1/entities", params={"q": "x"})
        assert down.status_code == 503
        assert down.headers["Retry-After"].isdigit()
        assert down.headers["content-type"] == "application/problem+json"
        assert "Traceback" not in down.text and "redis" not in down.text.lower()
        assert client.get("/health").status_code == 503

        data.unlink()  # the directory comes back
        (tmp_path / "away").rename(data)
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/api/v1/entities").status_code == 200
