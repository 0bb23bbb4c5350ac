"""docker-compose.yml is validated with Debian's docker-compose (no Docker engine runs here)."""

import shutil
import subprocess

import pytest

from tests.conftest import ROOT


def test_deploy_compose_file_is_valid() -> None:
    if shutil.which("docker-compose") is None:
        pytest.skip("docker-compose not installed (apt-get install docker-compose; .ci/run does)")
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "neo4j:5" in result.stdout
    assert "NEWSGRAPH_NEO4J_URI" in result.stdout
