"""The analyst's endpoints through the real app on the samples graph."""

import pytest

pytestmark = pytest.mark.slow


def _names(actors: list[dict]) -> set[str]:
    return {a["name"] for a in actors}


def test_stances_support_with_evidence(client) -> None:
    body = client.get(
        "/api/v1/stances", params={"topic": "security guarantees for Russia", "stance": "support"}
    ).json()
    assert body["topic"]["name"]
    assert {"Russia", "Gergely Gulyás", "Sergei Ryabkov"} <= _names(body["actors"])
    actor = body["actors"][0]
    assert actor["predicates"] and actor["evidence"][0]["sentence"]
    assert actor["outlets"] == len({e["source"] for e in actor["evidence"] if e["source"]})


def test_stances_topic_resolved_fuzzily(client) -> None:
    exact = client.get(
        "/api/v1/stances",
        params={"topic": "negotiations between Russia and NATO", "stance": "support"},
    ).json()
    fuzzy = client.get(
        "/api/v1/stances", params={"topic": "Russia NATO negotiations", "stance": "support"}
    ).json()
    assert _names(exact["actors"]) == _names(fuzzy["actors"]) >= {"Hungary", "Péter Szijjártó"}


@pytest.mark.parametrize(
    ("asked", "stance", "expected"),
    [
        ("Ukraine joining NATO", "oppose", {"Russia"}),
        ("Russia-NATO talks", "support", {"Hungary", "Péter Szijjártó"}),
        ("NATO enlargement", "oppose", {"Vladimir Putin", "Russia"}),
    ],
)
def test_stances_topic_asked_in_other_words(client, asked: str, stance: str, expected) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/v1/stances", params={"topic": asked, "stance": stance}).json()
    assert expected <= _names(body["actors"]), body["matched_topics"]
    assert all(t["match"] in {"exact", "same", "narrower"} for t in body["matched_topics"])


def test_stances_never_answers_for_another_beneficiary(client) -> None:
    body = client.get(
        "/api/v1/stances", params={"topic": "guarantees for Kyiv's security", "stance": "support"}
    ).json()
    names = {t["name"] for t in body["matched_topics"]}
    assert names and not any("Russia" in n for n in names), names
    assert "Sergei Ryabkov" not in _names(body["actors"])


def test_topics_ranked_for_a_phrase_with_why(client) -> None:
    body = client.get("/api/v1/topics", params={"q": "security guarantees"}).json()
    found = {t["name"]: t["match"] for t in body["data"]}
    assert found.get("security guarantees for Russia") in {"exact", "narrower", "same"}
    assert found.get("security guarantees for Ukraine") in {"narrower", "same"}
    assert all(t["supporters"] >= 0 and 0 < t["score"] <= 1 for t in body["data"])
    typed = client.get("/api/v1/topics", params={"q": "guarant"}).json()
    assert typed["count"] >= 2 and all("guarant" in t["name"].lower() for t in typed["data"])


def test_stances_date_filter(client) -> None:
    params = {"topic": "security guarantees for Russia", "stance": "support"}
    everything = client.get("/api/v1/stances", params=params).json()["actors"]
    early = client.get("/api/v1/stances", params={**params, "until": "2022-12-31"}).json()["actors"]
    dates = [e["published"] for a in early for e in a["evidence"]]
    assert all(d is not None and d <= "2022-12-31" for d in dates)
    assert len(early) < len(everything)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"topic": "interplanetary mining rights", "stance": "support"}, 404),
        ({"topic": "NATO expansion", "stance": "maybe"}, 422),
        ({"stance": "support"}, 422),
        ({"topic": "NATO expansion", "stance": "oppose", "since": "yesterday"}, 422),
    ],
)
def test_stances_bad_requests(client, params: dict, status: int) -> None:
    response = client.get("/api/v1/stances", params=params)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


def test_relations_meets_found_either_way(client) -> None:
    for params in (
        {"predicate": "MEETS", "object": "Viktor Orbán"},
        {"predicate": "MEETS", "subject": "Orban"},
    ):
        relations = client.get("/api/v1/relations", params=params).json()["relations"]
        ends = {(r["subject"]["name"], r["object"]["name"]) for r in relations}
        assert ("Vladimir Putin", "Viktor Orbán") in ends or (
            "Viktor Orbán",
            "Vladimir Putin",
        ) in ends


def test_relations_holds_role_with_title_and_evidence(client) -> None:
    relations = client.get(
        "/api/v1/relations", params={"predicate": "HOLDS_ROLE", "object": "Hungary"}
    ).json()["relations"]
    people = {r["subject"]["name"]: r for r in relations}
    assert {"Viktor Orbán", "Péter Szijjártó", "Gergely Gulyás"} <= people.keys()
    assert people["Viktor Orbán"]["title"] == "Prime Minister"
    assert all(r["evidence"] for r in relations)


@pytest.mark.parametrize(
    ("params", "status"),
    [({"predicate": "LIKES"}, 422), ({"subject": "Atlantis"}, 404), ({"object": "x" * 300}, 422)],
)
def test_relations_bad_requests(client, params: dict, status: int) -> None:
    assert client.get("/api/v1/relations", params=params).status_code == status


def test_neighbourhood_nodes_and_edges(client) -> None:
    near = client.get("/api/v1/entities/viktor-orban/neighbourhood", params={"depth": 1}).json()
    far = client.get("/api/v1/entities/viktor-orban/neighbourhood", params={"depth": 2}).json()
    ids = {n["id"] for n in near["nodes"]}
    assert {"viktor-orban", "hungary"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in near["edges"])
    assert len(far["nodes"]) >= len(near["nodes"])
    assert (
        client.get("/api/v1/entities/viktor-orban/neighbourhood", params={"depth": 4}).status_code
        == 422
    )
    assert client.get("/api/v1/entities/nobody/neighbourhood").status_code == 404


def test_paths_between_entities(client) -> None:
    body = client.get("/api/v1/paths", params={"from": "Viktor Orbán", "to": "Ukraine"}).json()
    assert body["paths"]
    path = body["paths"][0]
    assert path["nodes"][0]["id"] == "viktor-orban" and path["nodes"][-1]["id"] == "ukraine"
    assert len(path["edges"]) == len(path["nodes"]) - 1
    assert (
        client.get("/api/v1/paths", params={"from": "Orban", "to": "Atlantis"}).status_code == 404
    )


def test_topics_with_actor_counts(client) -> None:
    body = client.get("/api/v1/topics", params={"limit": 50}).json()
    assert body["count"] >= len(body["data"]) > 0
    totals = [t["supporters"] + t["opponents"] for t in body["data"]]
    assert totals == sorted(totals, reverse=True)


def test_timeline_in_date_order(client) -> None:
    body = client.get("/api/v1/entities/vladimir-putin/timeline").json()
    dates = [e["published"] for e in body["entries"] if e["published"]]
    assert body["entity"]["name"] == "Vladimir Putin" and dates == sorted(dates)
    assert all(e["stance"] in {"support", "oppose", "other"} for e in body["entries"])
    assert client.get("/api/v1/entities/nobody/timeline").status_code == 404
