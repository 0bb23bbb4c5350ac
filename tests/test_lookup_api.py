"""Every endpoint that takes an entity takes it as people type it (graph/names.py): on the
samples graph, and on a small graph of two people sharing a surname, through the real app;
raw bytes against a live server."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.store import GraphStore
from loaders.pipeline import Extractor
from service.ingest import ingest, load
from service.main import create_app
from tests.conftest import open_test_backend, raw_get, settings_for

pytestmark = pytest.mark.slow
PROBLEM = "application/problem+json"

# Each endpoint that takes an entity, asked about one name: (path, params).
Ask = Callable[[str], tuple[str, dict[str, str]]]
ENDPOINTS: dict[str, Ask] = {
    "entity": lambda name: (f"/api/v1/entities/{name}", {}),
    "neighbourhood": lambda name: (f"/api/v1/entities/{name}/neighbourhood", {}),
    "timeline": lambda name: (f"/api/v1/entities/{name}/timeline", {}),
    "relations subject": lambda name: ("/api/v1/relations", {"subject": name}),
    "relations object": lambda name: ("/api/v1/relations", {"object": name}),
    "paths from": lambda name: ("/api/v1/paths", {"from": name, "to": "Hungary"}),
    "paths to": lambda name: ("/api/v1/paths", {"from": "Hungary", "to": name}),
}


def named(body: dict, endpoint: str) -> set[str]:
    """The entity ids an answer is about, per endpoint."""
    if endpoint == "entity":
        return {body["id"]}
    if endpoint == "neighbourhood":
        return {n["id"] for n in body["nodes"]}
    if endpoint == "timeline":
        return {body["entity"]["id"]}
    if endpoint.startswith("relations"):
        end = "subject" if endpoint.endswith("subject") else "object"
        return {r[end]["id"] for r in body["relations"]} | {
            r["object" if end == "subject" else "subject"]["id"]
            for r in body["relations"]
            if r["predicate"] == "MEETS"  # symmetric: found either way round
        }
    index = 0 if endpoint == "paths from" else -1
    return {p["nodes"][index]["id"] for p in body["paths"]}


SAMPLE_NAMES = [
    ("Putin", "vladimir-putin"),
    ("vladimir-putin", "vladimir-putin"),
    ("Macron", "emmanuel-macron"),
    ("Trump", "donald-trump"),
    ("Orbán", "viktor-orban"),
    ("Orban", "viktor-orban"),
    ("Viktor Orban", "viktor-orban"),
    ("VIKTOR ORBÁN", "viktor-orban"),
    ("Zelensky", "volodymyr-zelenskyy"),
    ("Zelenskyy", "volodymyr-zelenskyy"),
    ("Zelenskiy", "volodymyr-zelenskyy"),
    ("Zelenskij", "volodymyr-zelenskyy"),
    ("Sergei Lavrov", "sergey-lavrov"),
    ("Sergey Lavrov", "sergey-lavrov"),
    ("Sergej Lawrow", "sergey-lavrov"),
    ("USA", "united-states"),
    ("US", "united-states"),
    ("United States", "united-states"),
    ("UK", "united-kingdom"),
]


@pytest.mark.parametrize(("asked", "expected"), SAMPLE_NAMES)
def test_lookup_entity_by_any_name(client, asked: str, expected: str) -> None:
    response = client.get(f"/api/v1/entities/{asked}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == expected


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("asked", "expected"),
    [("Orbán", "viktor-orban"), ("Viktor Orban", "viktor-orban"), ("Putin", "vladimir-putin"),
     ("Sergei Lavrov", "sergey-lavrov"), ("Zelenskyi", "volodymyr-zelenskyy"),
     ("USA", "united-states")],
)  # fmt: skip
def test_lookup_every_endpoint_takes_names(
    client, endpoint: str, asked: str, expected: str
) -> None:
    path, params = ENDPOINTS[endpoint](asked)
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    id_path, id_params = ENDPOINTS[endpoint](expected)
    by_id = client.get(id_path, params=id_params).json()
    assert response.json() == by_id  # the very answer asking by id gets
    about = named(by_id, endpoint)
    assert expected in about or (endpoint == "relations object" and not about)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_lookup_unknown_is_404_problem_with_suggestions(client, endpoint: str) -> None:
    for asked, suggested in (("Atlantis", None), ("Orbam", "viktor-orban")):
        path, params = ENDPOINTS[endpoint](asked)
        response = client.get(path, params=params)
        assert response.status_code == 404
        assert response.headers["content-type"] == PROBLEM
        body = response.json()
        assert body["status"] == 404 and asked in body["detail"]
        ids = [s["id"] for s in body.get("suggestions", [])]
        assert ids[:1] == ([suggested] if suggested else [])


def test_lookup_stances_take_an_entity_by_name(client) -> None:
    by_id = client.get("/api/v1/stances", params={"topic": "ukraine", "stance": "support"})
    by_name = client.get("/api/v1/stances", params={"topic": "UKRAINE", "stance": "support"})
    assert by_id.status_code == by_name.status_code == 200
    assert by_name.json() == by_id.json() and by_id.json()["topic"]["id"] == "ukraine"


# --- a surname two people share -----------------------------------------------------------

ARTICLES = {
    "virtanen-elina.txt": "Finnish Foreign Minister Elina Virtanen met Estonian Prime Minister "
    "Kaja Kallas in Tallinn on Monday. Virtanen said Finland supports new sanctions on Russia.",
    "virtanen-mikko.txt": "Finnish opposition leader Mikko Virtanen criticised the government "
    "in Helsinki on Tuesday. Mikko Virtanen opposes the new sanctions on Russia.",
}


@pytest.fixture(scope="module")
def shared_surname(
    engine: str, engine_dir: Path, extractor: Extractor, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The app over a graph of two short articles, ingested as any articles are, naming two
    people called Virtanen."""
    folder = tmp_path_factory.mktemp("virtanen")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    backend = open_test_backend(engine, engine_dir, "virtanen")
    store = GraphStore(backend)
    store.ensure_schema()
    report = ingest(load([folder], max_chars=100_000), store=store, extractor=extractor)
    backend.close()
    assert report.ok and report.new == 2
    with TestClient(create_app(settings_for(engine, engine_dir, "virtanen"))) as client:
        yield client


SHARED = dict(ENDPOINTS) | {
    "paths from": lambda name: ("/api/v1/paths", {"from": name, "to": "Finland"}),
    "paths to": lambda name: ("/api/v1/paths", {"from": "Finland", "to": name}),
    "stances": lambda name: ("/api/v1/stances", {"topic": name, "stance": "support"}),
}


@pytest.mark.parametrize("endpoint", SHARED)
def test_lookup_shared_surname_is_409_with_both(shared_surname: TestClient, endpoint: str) -> None:
    path, params = SHARED[endpoint]("Virtanen")
    response = shared_surname.get(path, params=params)
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 409 and body["title"] == "Conflict"
    assert body["candidates"] == [
        {"id": "elina-virtanen", "name": "Elina Virtanen", "label": "Person"},
        {"id": "mikko-virtanen", "name": "Mikko Virtanen", "label": "Person"},
    ]


@pytest.mark.parametrize("asked", ["Elina Virtanen", "elina-virtanen", "Mikko Virtanen"])
def test_lookup_full_name_of_a_shared_surname(shared_surname: TestClient, asked: str) -> None:
    response = shared_surname.get(f"/api/v1/entities/{asked}")
    assert response.status_code == 200
    assert response.json()["id"] == asked.lower().replace(" ", "-")


def test_lookup_openapi_declares_409(shared_surname: TestClient) -> None:
    paths = shared_surname.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/entities/{entity_id}", "/api/v1/relations", "/api/v1/paths"):
        assert "candidates" in str(paths[path]["get"]["responses"]["409"])


# --- raw bytes on the wire ----------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["/api/v1/entities/Orbán", "/api/v1/relations?subject=Orbán", "/api/v1/paths?from=Orbán&to=US"],
)
def test_lookup_raw_non_ascii_is_400_problem(live_url: str, target: str) -> None:
    status, headers, body = raw_get(live_url, target.encode("utf-8"))
    assert status == 400 and headers["content-type"] == PROBLEM
    assert b"percent-encoded" in body and b'"status": 400' in body


@pytest.mark.parametrize(
    ("target", "status"),
    [
        (b"/api/v1/entities/Orb%C3%A1n", 200),
        (b"/api/v1/relations?subject=Orb%C3%A1n", 200),
        (b"/api/v1/entities/Orb%E1n", 404),  # Latin-1, not UTF-8: read as "Orb\ufffdn"
        (b"/api/v1/entities/Orb%00n", 422),
    ],
)
def test_lookup_encoded_names_reach_the_app(live_url: str, target: bytes, status: int) -> None:
    got, headers, body = raw_get(live_url, target)
    assert got == status
    assert headers["content-type"] == ("application/json" if status == 200 else PROBLEM)
    assert b"viktor-orban" in body or status == 422  # found, or suggested for "Orb\ufffdn"
