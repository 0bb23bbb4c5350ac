"""The analyst questions (tests/eval/ask.py) against a real running server on loopback."""

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
# A little under what extraction and topic matching reach: the questions in the articles'
# words, and the same questions as people type them.
FLOORS = {"questions.json": 0.85, "questions-paraphrased.json": 0.80}


@pytest.mark.parametrize("questions", sorted(FLOORS))
def test_ask_questions_mean_f1(live_url: str, questions: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/eval/ask.py"), "--base", live_url,
         "--questions", str(ROOT / "tests/eval" / questions)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    match = re.search(r"TOTAL questions: mean F1 ([0-9.]+)", result.stdout)
    assert match, result.stdout
    print(result.stdout)
    assert float(match.group(1)) >= FLOORS[questions], result.stdout
