"""One truth (issue 11, part 6): every endpoint counts a relation's sentences, names its
speakers and sizes the graph the same way, on the samples graph through the real app."""

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graph.analysis import Analysis
from graph.export import GraphExport
from graph.sentences import relation_key
from graph.store import GraphStore
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import EVIDENCE, OPPOSE_ROLLUP, SUPPORT_ROLLUP, Label, Predicate
from service.cli import app as cli
from service.main import create_app
from service.settings import Settings
from tests.conftest import SAMPLES, analysed
from tests.test_delete import ONE, ORBAN, PUTIN, TWO

pytestmark = pytest.mark.slow
TIMELINE_PREDICATES = {p.value for p in (*SUPPORT_ROLLUP, *OPPOSE_ROLLUP, Predicate.CRITICIZES)}


def _relations(client: TestClient) -> list[dict]:
    relations = client.get("/api/v1/relations").json()["relations"]
    assert len(relations) > 30
    return relations


def _key(relation: dict) -> tuple[str, str, str]:
    return relation_key(relation["subject"]["id"], relation["predicate"], relation["object"]["id"])


def _edge_counts(edges: list[dict]) -> dict[tuple[str, str, str], int]:
    counts: dict[tuple[str, str, str], int] = {}
    for edge in edges:
        key = relation_key(edge["source"], edge["type"], edge["target"])
        assert key not in counts, f"{key} drawn twice"
        counts[key] = edge["count"]
    return counts


def test_each_relation_is_listed_once_with_its_sentences(client) -> None:
    relations = _relations(client)
    keys = [_key(r) for r in relations]
    assert len(keys) == len(set(keys))  # a symmetric relation once, whichever way round
    for relation in relations:
        shown = {(e["article_id"], e["start"]) for e in relation["evidence"]}
        assert len(shown) == len(relation["evidence"]) == min(relation["sentences"], 20)


def test_neighbourhood_and_paths_count_what_relations_count(client) -> None:
    get = cache(lambda path, **params: client.get(path, params=params).json())
    for relation in _relations(client):
        subject, obj = relation["subject"]["id"], relation["object"]["id"]
        around = get(f"/api/v1/entities/{subject}/neighbourhood", limit=1000)
        assert _edge_counts(around["edges"])[_key(relation)] == relation["sentences"], relation
        paths = get("/api/v1/paths", **{"from": subject, "to": obj, "max_hops": 1})["paths"]
        [direct] = paths
        assert _edge_counts(direct["edges"])[_key(relation)] == relation["sentences"], relation


def test_timeline_entries_add_up_to_the_relation_and_name_the_same_speakers(client) -> None:
    relations = [r for r in _relations(client) if r["predicate"] in TIMELINE_PREDICATES]
    compared = named = 0
    for relation in relations:
        subject = relation["subject"]["id"]
        entries = client.get(f"/api/v1/entities/{subject}/timeline").json()["entries"]
        mine = [
            e
            for e in entries
            if e["predicate"] == relation["predicate"]
            and e["target"]["id"] == relation["object"]["id"]
        ]
        assert sum(e["sentences"] for e in mine) == relation["sentences"], relation
        assert all(e["sentences"] == len(e["evidence"]) for e in mine)
        said = {(e["article_id"], e["start"]): e for e in relation["evidence"]}
        for item in (evidence for entry in mine for evidence in entry["evidence"]):
            same = said[(item["article_id"], item["start"])]
            assert (item["speaker"], item["speaker_name"]) == (
                same["speaker"],
                same["speaker_name"],
            )
            compared += 1
            named += item["speaker"] is not None
    assert compared > 20 and named > 5  # the samples name speakers: the check has teeth


def test_health_counts_what_relations_lists(client) -> None:
    relations = _relations(client)
    counts = client.get("/health").json()["counts"]
    assert counts["relations"] == len(relations)
    assert counts["evidence"] == sum(r["sentences"] for r in relations)


def test_ingest_summary_totals_are_health_counts(tmp_path: Path) -> None:
    env = {"NEWSGRAPH_DATA_DIR": str(tmp_path / "db"), "NEWSGRAPH_NEO4J_URI": ""}
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES)], env=env)
    assert result.exit_code == 0, result.output
    settings = Settings(data_dir=tmp_path / "db", neo4j_uri=None)
    with TestClient(create_app(settings)) as client:
        counts = client.get("/health").json()["counts"]
    graph = (
        f"graph: {counts['entities']} entities (+{counts['entities']}), "
        f"{counts['relations']} relations (+{counts['relations']}), {counts['evidence']} "
        f"evidence sentences (+{counts['evidence']}), 5 articles"
    )
    assert graph in " ".join(result.output.split()), result.output


def test_a_relation_written_both_ways_round_is_one_relation(store: GraphStore) -> None:
    """Putin met Orbán (art-1), Orbán met Putin (art-2): one meeting, two sentences."""
    store.write_fragment(ONE)
    store.write_fragment(TWO)

    async def read(analysis: Analysis) -> tuple:
        meets = [Predicate.MEETS]
        asked = await analysis.relations(subjects=[PUTIN], objects=[ORBAN], predicates=meets)
        listed = await analysis.relations(subjects=None, objects=None, predicates=meets)
        _, edges, _ = await analysis.neighbourhood(ORBAN, depth=1, limit=100)
        paths = await analysis.paths(PUTIN, ORBAN, max_hops=1)
        return asked, listed, edges, paths

    asked, listed, edges, paths = analysed(store, read)
    assert [(r.subject.id, r.object.id, r.sentences, len(r.evidence)) for r in asked] == [
        (PUTIN, ORBAN, 2, 2)
    ]
    assert [r.sentences for r in listed] == [2]
    assert [e.count for e in edges if e.type == "MEETS"] == [2]
    assert [(e.type, e.count) for path in paths for e in path.edges] == [("MEETS", 2)]
    assert store.counts().relations == 3  # the meeting, and one criticism, one opposition


def test_stances_count_a_sentence_once_whatever_it_asserts(store: GraphStore) -> None:
    """'Hungary supports and demands talks': two stances in one sentence are one sentence
    in the actor's count, as in its evidence."""
    said = Evidence(
        article_id="art-1", sentence="Hungary supports and demands talks.", start=0, end=35,
        confidence=0.8, extractor="test",
    )  # fmt: skip
    store.write_fragment(
        GraphFragment(
            article=ArticleInfo(id="art-1", content_hash="h", text=said.sentence),
            entities=[
                Entity(id="hungary", name="Hungary", label=Label.COUNTRY),
                Entity(id="topic-talks", name="talks", label=Label.TOPIC),
            ],
            relations=[
                Relation(subject="hungary", predicate=p, object="topic-talks", evidence=[said])
                for p in (Predicate.SUPPORTS, Predicate.DEMANDS)
            ],
        )
    )
    [actor] = analysed(store, lambda a: a.stances(["topic-talks"], "support"))
    assert (actor.sentences, len(actor.evidence), actor.predicates) == (
        1,
        1,
        ["DEMANDS", "SUPPORTS"],
    )


def _sentences(client: TestClient) -> list[dict]:
    """Every sentence as its Evidence node stores it: what a recount counts."""
    backend = client.app.state.store.backend  # type: ignore[attr-defined]
    return [node.properties for node in GraphExport(backend).nodes(EVIDENCE)]


def _newest(sentences: list[dict]) -> list[tuple[str, int]]:
    """The first page of these sentences, newest first, as (article_id, start)."""
    ordered = sorted(sentences, key=lambda s: s["stamp"], reverse=True)[:20]
    return [(s["article_id"], s["start"]) for s in ordered]


def _shown(items: list[dict]) -> list[tuple[str, int]]:
    return [(e["article_id"], e["start"]) for e in items]


def test_timeline_entries_are_their_days_sentences_recounted(client: TestClient) -> None:
    """Each (claim, date) entry holds that day's sentences as a recount finds them, and
    shows the newest of them."""
    said: dict[tuple[str, str | None], list[dict]] = {}
    for sentence in _sentences(client):
        if sentence["predicate"] in TIMELINE_PREDICATES:
            said.setdefault((sentence["claim"], sentence.get("published")), []).append(sentence)
    shown: dict[tuple[str, str | None], dict] = {}
    for subject in sorted({claim.split("|")[0] for claim, _ in said}):
        for entry in client.get(f"/api/v1/entities/{subject}/timeline").json()["entries"]:
            key = (f"{subject}|{entry['predicate']}|{entry['target']['id']}", entry["published"])
            assert key not in shown, key
            shown[key] = entry
    assert {k: e["sentences"] for k, e in shown.items()} == {k: len(v) for k, v in said.items()}
    assert len({day for _, day in said}) > 2  # the samples have dates: the check has teeth
    for key, entry in shown.items():
        assert _shown(entry["evidence"]) == _newest(said[key]), key


@pytest.mark.parametrize("window", ["since", "until"])
def test_dated_relations_are_their_sentences_in_the_dates_recounted(
    client: TestClient, window: str
) -> None:
    """/relations?since= (or until=) counts and shows what a recount of the sentences
    within the dates finds, claim by claim."""
    sentences = _sentences(client)
    days = sorted({s["published"] for s in sentences if s.get("published")})
    day = days[len(days) // 2]
    inside = [s for s in sentences if s.get("published") and
              (s["published"] >= day if window == "since" else s["published"] <= day)]  # fmt: skip
    said: dict[str, list[dict]] = {}
    for sentence in inside:
        said.setdefault(sentence["claim"], []).append(sentence)
    relations = client.get("/api/v1/relations", params={window: day}).json()["relations"]
    found = {"|".join(_key(r)): r for r in relations}
    assert {k: r["sentences"] for k, r in found.items()} == {k: len(v) for k, v in said.items()}
    assert 0 < len(inside) < len(sentences)  # the window leaves some out: the check has teeth
    for key, relation in found.items():
        assert _shown(relation["evidence"]) == _newest(said[key]), key


def test_stances_of_one_outlet_are_its_sentences_recounted(client: TestClient) -> None:
    """/stances?source= counts each actor's distinct sentences from that outlet on the
    matched topics, as a recount finds them."""
    topic, support = "security guarantees for Russia", {p.value for p in SUPPORT_ROLLUP}
    first = client.get("/api/v1/stances", params={"topic": topic, "stance": "support"}).json()
    matched = {t["id"] for t in first["matched_topics"]}
    on_topic = [s for s in _sentences(client)
                if s["object"] in matched and s["predicate"] in support]  # fmt: skip
    outlet = Counter(s["source"] for s in on_topic if s.get("source")).most_common()[-1][0]
    recount = Counter(s["subject"] for s in on_topic
                      if (s.get("source") or "").lower() == outlet.lower()
                      and not s.get("repeats"))  # fmt: skip
    params = {"topic": topic, "stance": "support", "source": outlet.upper()}
    actors = client.get("/api/v1/stances", params=params).json()["actors"]
    assert {a["id"]: a["sentences"] for a in actors} == dict(recount)
    assert 0 < sum(recount.values()) < len(on_topic)  # another outlet is left out: teeth
