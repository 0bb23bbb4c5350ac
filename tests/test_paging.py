"""Answers bounded by pages: a relation's, a stance's and a timeline entry's sentences past
the first page follow a cursor; a neighbourhood pages its edges and says when there are
more (real engine, through the app)."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from loaders.ontology import Predicate
from service.main import create_app
from tests.conftest import settings_for
from tests.test_claims import Said, _fragment
from tests.test_delete import ORBAN, PUTIN

DAYS = [f"2022-0{m}-{d:02d}" for m in (1, 2) for d in range(1, 26)]  # 50 dates
OPPOSE: list[Said] = [(PUTIN, Predicate.OPPOSES, "nato", day, "r1") for day in DAYS[:25]]


@pytest.fixture
def api(engine: str, engine_dir: Any, graph_name: str) -> Iterator[TestClient]:
    """The app over three articles: 75 sentences of Putin opposing NATO (25 a day, on 25
    days, one outlet each), and Orbán meeting Putin."""
    settings = settings_for(engine, engine_dir, graph_name)
    with TestClient(create_app(settings)) as client:
        store: GraphStore = client.app.state.store  # type: ignore[attr-defined]
        for n, outlet in enumerate(("RT", "TASS", "Reuters")):
            store.write_fragment(_fragment(f"a{n}", outlet, OPPOSE))
        store.write_fragment(_fragment("m", "RT", [(ORBAN, Predicate.MEETS, PUTIN, None, None)]))
        yield client


def _all_pages(client: TestClient, first: list[dict], cursor: str | None) -> list[dict]:
    """The first page's sentences and every page after it, following the cursors."""
    found = list(first)
    while cursor:
        page = client.get("/api/v1/evidence", params={"cursor": cursor, "limit": 7}).json()
        assert 0 < len(page["evidence"]) <= 7
        found += page["evidence"]
        cursor = page["next"]
    return found


def _newest_first(items: list[dict]) -> bool:
    days = [e["published"] for e in items]
    return days == sorted(days, reverse=True)


def test_relation_sentences_page_on_from_the_first_page(api: TestClient) -> None:
    params = {"subject": PUTIN, "predicate": "OPPOSES"}
    [relation] = api.get("/api/v1/relations", params=params).json()["relations"]
    assert (relation["sentences"], len(relation["evidence"])) == (75, 20)
    every = _all_pages(api, relation["evidence"], relation["evidence_next"])
    assert len(every) == 75 == len({(e["article_id"], e["start"]) for e in every})
    assert _newest_first(every)


def test_stance_sentences_page_on_and_a_short_answer_has_no_cursor(api: TestClient) -> None:
    [actor] = api.get("/api/v1/stances", params={"topic": "nato", "stance": "oppose"}).json()[
        "actors"
    ]
    assert (actor["sentences"], actor["outlets"]) == (75, 3)
    every = _all_pages(api, actor["evidence"], actor["evidence_next"])
    assert len(every) == 75 and _newest_first(every)
    [met] = api.get("/api/v1/relations", params={"predicate": "MEETS"}).json()["relations"]
    assert (met["sentences"], met["evidence_next"]) == (1, None)


def test_a_dated_stance_pages_within_its_dates(api: TestClient) -> None:
    params = {"topic": "nato", "stance": "oppose", "since": DAYS[20], "until": DAYS[24]}
    [actor] = api.get("/api/v1/stances", params=params).json()["actors"]
    assert actor["sentences"] == 15  # 5 days, 3 articles
    every = _all_pages(api, actor["evidence"], actor["evidence_next"])
    assert len(every) == 15 and {e["published"] for e in every} == set(DAYS[20:25])


def test_a_timeline_entry_pages_its_days_sentences(
    api: TestClient, engine: str, engine_dir: Any, graph_name: str
) -> None:
    settings = settings_for(engine, engine_dir, graph_name, evidence_limit=2)
    with TestClient(create_app(settings)) as client:  # the same graph, 2 sentences a page
        entries = client.get(f"/api/v1/entities/{PUTIN}/timeline").json()["entries"]
        [entry] = [e for e in entries if e["target"]["id"] == "nato" and e["published"] == DAYS[0]]
        assert (entry["sentences"], len(entry["evidence"])) == (3, 2)
        every = _all_pages(client, entry["evidence"], entry["evidence_next"])
    assert len(every) == 3 == len({e["article_id"] for e in every})
    assert {e["published"] for e in every} == {DAYS[0]}


def test_a_cursor_the_api_never_gave_is_a_422_problem(api: TestClient) -> None:
    for cursor in ("not-a-cursor", "eyJjbGFpbXMiOiBbXX0"):  # the second: {"claims": []}
        response = api.get("/api/v1/evidence", params={"cursor": cursor})
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"


def test_a_neighbourhood_pages_its_edges_and_says_when_there_are_more(api: TestClient) -> None:
    url = f"/api/v1/entities/{PUTIN}/neighbourhood"
    whole = api.get(url, params={"depth": 2}).json()
    assert whole["next_offset"] is None
    edges, offset = [], 0
    while offset is not None:
        page = api.get(url, params={"depth": 2, "limit": 1, "offset": offset}).json()
        assert len(page["edges"]) == 1
        edges += page["edges"]
        offset = page["next_offset"]
    assert edges == whole["edges"] and len(edges) == 2
