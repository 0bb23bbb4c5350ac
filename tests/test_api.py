"""The REST API through the real app on the samples graph."""

import pytest

pytestmark = pytest.mark.slow


def test_api_health_reports_engine_and_counts(client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["reachable"] is True
    assert body["engine"] in {"falkordb", "neo4j"}
    assert body["counts"]["articles"] == 5


@pytest.mark.parametrize("q", ["orban", "Orbán", "VIKTOR ORBAN"])
def test_api_entities_search_folds_accents_and_case(client, q: str) -> None:
    body = client.get("/api/v1/entities", params={"q": q}).json()
    assert body["data"][0]["id"] == "viktor-orban"
    assert body["data"][0]["label"] == "Person"


def test_api_entities_label_filter_and_pagination(client) -> None:
    first = client.get("/api/v1/entities", params={"label": "Country", "limit": 2}).json()
    second = client.get(
        "/api/v1/entities", params={"label": "Country", "limit": 2, "offset": 2}
    ).json()
    assert first["count"] == second["count"] >= 4
    assert len(first["data"]) == 2
    assert not {e["id"] for e in first["data"]} & {e["id"] for e in second["data"]}
    assert all(e["label"] == "Country" for e in first["data"] + second["data"])


def test_api_entity_detail_and_404(client) -> None:
    body = client.get("/api/v1/entities/vladimir-putin").json()
    assert body["name"] == "Vladimir Putin" and body["articles"] >= 3
    assert len(body["mentioned_in"]) == body["articles"]
    missing = client.get("/api/v1/entities/no-such-entity")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["title"] == "Not Found"


@pytest.mark.parametrize(
    "params", [{"label": "Planet"}, {"limit": 0}, {"limit": 1000}, {"offset": -1}]
)
def test_api_entities_bad_query_is_422(client, params: dict) -> None:
    response = client.get("/api/v1/entities", params=params)
    assert response.status_code == 422
    assert response.json()["status"] == 422


def test_api_articles_list_and_detail(client) -> None:
    listing = client.get("/api/v1/articles", params={"limit": 10}).json()
    assert listing["count"] == 5 and len(listing["data"]) == 5
    dated = [a["published"] for a in listing["data"] if a["published"]]
    assert dated == sorted(dated, reverse=True)
    article_id = listing["data"][0]["id"]
    detail = client.get(f"/api/v1/articles/{article_id}").json()
    assert detail["text"] and detail["entities"]
    assert client.get("/api/v1/articles/art-missing").status_code == 404


def test_api_openapi_lists_the_routes(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/health",
        "/api/v1/entities",
        "/api/v1/entities/{entity_id}",
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
    } <= paths.keys()
