"""The analyst questions (tests/eval/ask.py) against a real running server on loopback."""

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from service.main import create_app
from service.settings import Settings
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
# A little under what extraction and topic matching reach: the questions in the articles'
# words, and the same questions as people type them.
FLOORS = {"questions.json": 0.85, "questions-paraphrased.json": 0.80}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(samples_settings: Settings) -> Iterator[str]:
    """A uvicorn server over the samples graph, in a thread, stopped afterwards."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(samples_settings), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.parametrize("questions", sorted(FLOORS))
def test_ask_questions_mean_f1(base_url: str, questions: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/eval/ask.py"), "--base", base_url,
         "--questions", str(ROOT / "tests/eval" / questions)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    match = re.search(r"TOTAL questions: mean F1 ([0-9.]+)", result.stdout)
    assert match, result.stdout
    print(result.stdout)
    assert float(match.group(1)) >= FLOORS[questions], result.stdout
