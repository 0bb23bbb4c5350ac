"""The newsgraph command, in-process through typer and as a real subprocess."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from tests.conftest import ROOT, SAMPLES, fragment_line, free_port, raw_get

pytestmark = pytest.mark.slow
runner = CliRunner()


def _env(data_dir: Path) -> dict[str, str]:
    return {"NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_NEO4J_URI": ""}


def test_cli_ingest_summary_failures_and_exit_code(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "good.txt").write_text("Viktor Orbán met Vladimir Putin in Moscow on Tuesday.")
    (articles / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(articles)], env=_env(tmp_path / "db"))
    assert result.exit_code == 1
    assert f"failed {articles / 'empty.txt'}: empty file" in result.output
    assert "2 article(s)" not in result.output  # the empty file never became an article
    assert "1 article(s): 1 new, 0 changed, 0 unchanged, 1 failed" in result.output
    status = runner.invoke(app, ["engine", "status"], env=_env(tmp_path / "db"))
    assert status.exit_code == 0
    assert "engine:    falkordb" in status.output and "articles:      1" in status.output


def test_cli_extract_jsonl_is_what_score_py_reads(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "--jsonl"], env=_env(tmp_path))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5 and all(line["entities"] for line in lines)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(result.stdout)
    scored = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests/eval/score.py"),
            "--pred",
            str(pred),
            "--gold",
            str(ROOT / "tests/eval/gold"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(scored.stdout)["summary"]
    assert summary["articles_scored"] == 5 and summary["articles_missing_from_pred"] == []
    assert not (tmp_path / "newsgraph.db").exists()  # extract never touches the graph


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=120,
    )


def test_cli_unwritable_data_dir_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = _run("engine", "status", env=_env(blocker / "data"))
    assert result.returncode == 2
    assert "error: cannot create data directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_unreachable_neo4j_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = {**_env(tmp_path), "NEWSGRAPH_NEO4J_URI": "bolt://127.0.0.1:9"}  # nothing listens there
    result = _run("engine", "status", env=env)
    assert result.returncode == 2
    assert "error: cannot reach Neo4j at bolt://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_serve_with_several_workers_answers_from_one_graph(tmp_path: Path) -> None:
    env = {**os.environ, **_env(tmp_path)}
    article = tmp_path / "a.txt"
    article.write_text("Viktor Orbán met Vladimir Putin in Moscow on Tuesday.")
    assert runner.invoke(app, ["ingest", str(article)], env=_env(tmp_path)).exit_code == 0
    port = free_port()
    server = _serve(env, "--port", str(port), "--api-workers", "2", stderr=subprocess.PIPE)
    try:
        answers = [_get_json(port, "/api/v1/relations?predicate=MEETS") for _ in range(6)]
        orban = _get_json(port, "/api/v1/entities/Orban")
        raw = raw_get(f"http://127.0.0.1:{port}", "/api/v1/entities/Orbán".encode())
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=60)
    assert all(len(a["relations"]) == 1 for a in answers), answers
    assert orban["id"] == "viktor-orban"
    status, headers, _ = raw  # a worker's own protocol refuses unencoded bytes as problem+json
    assert status == 400 and headers["content-type"] == "application/problem+json"
    assert stderr.count("Started server process") == 2, stderr


def test_cli_serve_starts_the_engine_once_and_stops_it_on_exit(tmp_path: Path) -> None:
    """A cold start replays the write log once: no engine opened and closed beforehand
    to check the settings; on SIGINT the engine stops and leaves no registry behind."""
    env = {**os.environ, **_env(tmp_path)}
    port = free_port()
    server = _serve(env, "--port", str(port))
    try:
        assert _get_json(port, "/health")["status"] == "ok"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    log = (tmp_path / "engine.log").read_text()
    assert log.count("Ready to accept connections") == 1, log
    assert log.count("ready to exit") == 1
    assert not list(tmp_path.glob("*.settings"))


def test_cli_serve_beyond_loopback_keeps_the_console_off(tmp_path: Path) -> None:
    """`serve --host 0.0.0.0` with no console key: the app knows where it listens, and its
    workers too, so the console answers 403 while the analysts' reads answer."""
    env = {**os.environ, **_env(tmp_path)}
    env.pop("NEWSGRAPH_HOST", None)
    env.pop("NEWSGRAPH_CYPHER_API_KEY", None)
    port = free_port()
    server = _serve(env, "--host", "0.0.0.0", "--port", str(port), "--api-workers", "2")
    try:
        assert _get_json(port, "/health")["status"] == "ok"
        query = json.dumps({"query": "RETURN 1 AS one"}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/cypher",
            data=query,
            headers={"Content-Type": "application/json"},
        )
        statuses = []
        for _ in range(4):  # both workers
            try:
                urllib.request.urlopen(request, timeout=10)
                statuses.append(200)
            except urllib.error.HTTPError as answer:
                statuses.append(answer.code)
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert statuses == [403] * 4


def _serve(
    env: dict[str, str], *arguments: str, stderr: int = subprocess.DEVNULL
) -> subprocess.Popen[str]:
    """`newsgraph serve` with these arguments, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", *arguments],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )


def _get_json(port: int, path: str) -> dict:
    """GET once the server answers (it takes a few seconds to start)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_cli_train_on_a_folder_without_annotations_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["train", "--corpus", str(tmp_path), "--out", str(tmp_path / "m.npz")]
    )
    assert result.exit_code == 2
    assert "no articles/ and gold/ folders" in result.output
    assert not (tmp_path / "m.npz").exists()


def test_cli_topics_phrases_and_split(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("Russia rejected the proposal for a truce in Gaza.")
    (articles / "b.txt").write_text("Hungary rejected the proposal for a ceasefire in Gaza.")
    env = _env(tmp_path / "db")
    assert runner.invoke(app, ["ingest", str(articles)], env=env).exit_code == 0
    topic = "topic-ceasefire-gaza-proposal"
    listed = runner.invoke(app, ["topics", "phrases", topic], env=env)
    assert "proposal for truce in Gaza" in listed.output, listed.output
    bad = runner.invoke(app, ["topics", "split", topic, "--phrase", "never said"], env=env)
    assert bad.exit_code == 2 and "never name" in bad.output
    split = runner.invoke(
        app, ["topics", "split", topic, "--phrase", "proposal for truce in Gaza"], env=env
    )
    assert split.exit_code == 0, split.output
    left = runner.invoke(app, ["topics", "phrases", topic], env=env)
    assert "truce" not in left.output and "ceasefire" in left.output


def _one_article_graph(tmp_path: Path) -> dict[str, str]:
    """A graph holding one article, ingested from a fragment (no extraction)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(fragment_line() + "\n")
    env = _env(tmp_path / "db")
    result = runner.invoke(app, ["ingest", str(feed)], env=env)
    assert result.exit_code == 0, result.output
    return env


def test_cli_export_to_stdout_and_to_a_folder(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from loaders.fragment import GraphFragment
    from service.exports.neo4j_csv import NODE_FILES, RELATIONSHIP_FILES

    env = _one_article_graph(tmp_path)
    exported = runner.invoke(app, ["export", "--format", "jsonl"], env=env)
    assert exported.exit_code == 0, exported.output
    [fragment] = [GraphFragment.model_validate_json(line) for line in exported.stdout.splitlines()]
    assert fragment.article.id == "art-1" and len(fragment.relations[0].evidence) == 1
    drawn = runner.invoke(app, ["export", "--format", "graphml"], env=env)
    assert drawn.exit_code == 0 and len(ET.fromstring(drawn.stdout).findall(".//{*}node")) == 2
    out = tmp_path / "exports" / "today"
    written = runner.invoke(app, ["export", "--format", "csv", "--out", str(out)], env=env)
    assert written.exit_code == 0, written.output
    names = {spec.name for spec in (*NODE_FILES, *RELATIONSHIP_FILES)}
    assert {p.name for p in out.iterdir()} == names  # and no partial file left behind
    assert f"wrote {out / 'entities.csv'}" in written.stderr
    assert (out / "relations.csv").read_text().count("\n") == 2  # the header and one edge
    again = runner.invoke(app, ["export", "--format", "jsonl", "--out", str(out)], env=env)
    assert again.exit_code == 0 and (out / "newsgraph.jsonl").read_text() == exported.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "error: --format must be one of graphml, csv, jsonl (got 'xml')"),
        ([], "error: --format must be one of graphml, csv, jsonl (got None)"),
        (["--format", "csv"], "error: csv is several files: give --out DIR"),
        (["--format", "graphml", "--out", "{file}"], "error: cannot use {file} as the output"),
    ],
)
def test_cli_export_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    args = [a.replace("{file}", str(blocker)) for a in args]
    result = runner.invoke(app, ["export", *args], env=_env(tmp_path / "db"))
    assert result.exit_code == 2
    assert result.stderr.startswith(message.replace("{file}", str(blocker)))
    assert result.stderr.count("\n") == 1 and result.stdout == ""
