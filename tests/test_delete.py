"""Deleting an article (issue 11, part 7): it and every fact only it supported go, in one
transaction, through the store, the REST API and the command line (real engine)."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graph import queries
from graph.errors import ArticleNotFound, QueryError
from graph.records import GraphCounts
from graph.store import GraphStore
from loaders.clean import article_id
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import Label, Predicate
from service.cli import app as cli
from service.main import create_app
from tests.conftest import settings_for

NAMES = {
    "vladimir-putin": ("Vladimir Putin", Label.PERSON),
    "viktor-orban": ("Viktor Orbán", Label.PERSON),
    "nato": ("NATO", Label.ORGANIZATION),
    "european-union": ("European Union", Label.ORGANIZATION),
    "hungary": ("Hungary", Label.COUNTRY),
}


def _article(
    article: str, source: str, relations: list[tuple[str, Predicate, str]], mentions: list[str]
) -> GraphFragment:
    """An article asserting each relation in a sentence of its own, mentioning their ends
    and the entities in mentions."""
    ids = dict.fromkeys([*(i for s, _, o in relations for i in (s, o)), *mentions])
    return GraphFragment(
        article=ArticleInfo(id=article, content_hash=article, text="x", source=source),
        entities=[Entity(id=i, name=NAMES[i][0], label=NAMES[i][1]) for i in ids],
        relations=[
            Relation(subject=s, predicate=p, object=o, evidence=[_said(article, n, source)])
            for n, (s, p, o) in enumerate(relations)
        ],
    )


def _said(article: str, n: int, source: str) -> Evidence:
    return Evidence(
        article_id=article, sentence=f"Sentence {n} of {article}.", start=n * 40, end=n * 40 + 20,
        source=source, speaker="viktor-orban", confidence=0.8, extractor="test",
    )  # fmt: skip


# art-1 alone supports: Putin's opposition to NATO, NATO itself, its outlet RT. It shares
# the Putin-Orbán meeting with art-2 (which wrote it the other way round) and Hungary,
# which art-2 only mentions.
PUTIN, ORBAN = "vladimir-putin", "viktor-orban"
ONE = _article(
    "art-1",
    "RT",
    [(PUTIN, Predicate.MEETS, ORBAN), (PUTIN, Predicate.OPPOSES, "nato")],
    ["hungary"],
)
TWO = _article(
    "art-2",
    "Reuters",
    [(ORBAN, Predicate.MEETS, PUTIN), (ORBAN, Predicate.CRITICIZES, "european-union")],
    ["hungary"],
)


def _entities(store: GraphStore) -> set[str]:
    return {e.id for e in store.search_entities(limit=100)[0]}


def _drop(before: GraphCounts, after: GraphCounts) -> dict[str, int]:
    return {k: v - after.model_dump()[k] for k, v in before.model_dump().items()}


def test_delete_removes_what_only_the_article_supported(store: GraphStore) -> None:
    store.write_fragment(ONE)
    store.write_fragment(TWO)
    before = store.counts()
    deleted = store.delete_article("art-1")
    assert (deleted.evidence, deleted.relations, deleted.entities) == (2, 1, ["nato"])
    assert _drop(before, store.counts()) == {
        "nodes": 7,  # the article, NATO, RT, its 2 evidence and their 2 days
        "relationships": 6,  # the OPPOSES claim, 4 MENTIONS, 1 PUBLISHED_BY
        "articles": 1,
        "entities": 1,
        "relations": 1,  # the meeting stands on art-2's sentence
        "evidence": 2,
    }
    assert _entities(store) == {"vladimir-putin", "viktor-orban", "european-union", "hungary"}
    assert store.get_article("art-1") is None
    assert store.get_entity("vladimir-putin").articles == 1  # type: ignore[union-attr]


def test_delete_of_the_last_article_leaves_an_empty_graph(store: GraphStore) -> None:
    store.write_fragment(ONE)
    store.write_fragment(TWO)
    store.delete_article("art-2")
    deleted = store.delete_article("art-1")
    assert sorted(deleted.entities) == ["hungary", "nato", "viktor-orban", "vladimir-putin"]
    assert store.counts().nodes == store.counts().relationships == 0


def test_delete_of_an_unknown_article_changes_nothing(store: GraphStore) -> None:
    store.write_fragment(ONE)
    before = store.counts()
    with pytest.raises(ArticleNotFound):
        store.delete_article("art-404")
    assert store.counts() == before


def test_a_delete_that_fails_leaves_the_graph_as_it_was(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All of a delete or nothing: the statement fails after its deletes have run (a
    division by zero in its last clause), and none of them stays."""
    store.write_fragment(ONE)
    store.write_fragment(TWO)
    before = store.counts(), _entities(store), store.list_articles()
    failing = queries.DELETE_ARTICLE.replace(
        "RETURN $id AS id, retracted AS evidence",
        "RETURN $id AS id, 1 / (retracted - 2) AS evidence",
    )
    assert failing != queries.DELETE_ARTICLE
    monkeypatch.setattr(queries, "DELETE_ARTICLE", failing)
    with pytest.raises(QueryError):
        store.delete_article("art-1")  # art-1 has 2 sentences: 1 / 0
    assert (store.counts(), _entities(store), store.list_articles()) == before


# --- through the REST API and the command line -------------------------------------------

KEY = {"X-API-Key": "s3cret"}


@pytest.fixture
def api(engine: str, engine_dir: Path, graph_name: str) -> Iterator[TestClient]:
    """The app on a graph holding ONE and TWO, with an API key."""
    settings = settings_for(engine, engine_dir, graph_name, api_key="s3cret")
    with TestClient(create_app(settings)) as client:
        store = client.app.state.store  # type: ignore[attr-defined]
        store.write_fragment(ONE)
        store.write_fragment(TWO)
        yield client


def test_delete_route_removes_the_article_and_reports_it(api: TestClient) -> None:
    before = api.get("/health").json()["counts"]
    response = api.delete("/api/v1/articles/art-1", headers=KEY)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body == {"article_id": "art-1", "evidence": 2, "relations": 1, "entities": ["nato"]}
    after = api.get("/health").json()["counts"]
    assert before["evidence"] - after["evidence"] == body["evidence"]
    assert before["relations"] - after["relations"] == body["relations"]
    assert before["entities"] - after["entities"] == len(body["entities"])
    assert api.get("/api/v1/articles/art-1").status_code == 404
    assert api.get("/api/v1/entities/nato").status_code == 404
    meeting = api.get("/api/v1/relations", params={"subject": PUTIN, "predicate": "MEETS"})
    assert [r["sentences"] for r in meeting.json()["relations"]] == [1]


def test_delete_route_unknown_article_is_404_problem(api: TestClient) -> None:
    response = api.delete("/api/v1/articles/art-404", headers=KEY)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "art-404" in response.json()["detail"]


@pytest.mark.parametrize(
    ("headers", "status"), [({}, 401), ({"X-API-Key": "wrong"}, 403), ({"X-API-Key": ""}, 401)]
)
def test_delete_route_needs_the_key(api: TestClient, headers: dict, status: int) -> None:
    before = api.get("/health").json()["counts"]
    response = api.delete("/api/v1/articles/art-1", headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert api.get("/health").json()["counts"] == before


def test_delete_route_refused_without_configured_key(engine, engine_dir, graph_name) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(settings_for(engine, engine_dir, graph_name))) as client:
        client.app.state.store.write_fragment(ONE)  # type: ignore[attr-defined]
        response = client.delete("/api/v1/articles/art-1", headers=KEY)
        assert response.status_code == 403
        assert client.get("/api/v1/articles/art-1").status_code == 200


@pytest.mark.slow
def test_cli_delete_removes_articles_and_names_unknown_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Viktor Orbán met Vladimir Putin in Moscow on Tuesday.")
    (folder / "b.txt").write_text("Viktor Orbán criticised the European Commission on Friday.")
    env = {"NEWSGRAPH_DATA_DIR": str(tmp_path / "db"), "NEWSGRAPH_NEO4J_URI": ""}
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(folder)], env=env).exit_code == 0
    gone = article_id(None, "", "in/a.txt")
    result = runner.invoke(cli, ["delete", gone, "art-404"], env=env)
    assert result.exit_code == 1, result.output
    assert re.search(rf"deleted {gone}: \d+ evidence sentences", result.output), result.output
    assert "no article art-404" in result.output
    status = runner.invoke(cli, ["engine", "status"], env=env).output
    assert "articles:      1" in status, status
    assert runner.invoke(cli, ["delete", article_id(None, "", "in/b.txt")], env=env).exit_code == 0
    assert "entities:      0" in runner.invoke(cli, ["engine", "status"], env=env).output
