"""Claims aggregated at write: whatever sequence of adds, changes and deletes the graph saw,
each claim's stored aggregates equal those recomputed from scratch over its sentences
(real engine)."""

import re
from typing import Any

import pytest

from graph import queries
from graph.falkordb_backend import FalkorDBBackend
from graph.store import NEWEST, GraphStore, graph_counts
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import DAY, EVIDENCE, Predicate
from tests.test_delete import NAMES, ONE, ORBAN, PUTIN, TWO

Said = tuple[str, Predicate, str, str | None, str | None]  # subject, predicate, object, day, rule


def _fragment(article: str, source: str, said: list[Said], text: str = "x") -> GraphFragment:
    """An article asserting each claim in a sentence of its own (some negated)."""
    ids = dict.fromkeys(i for s, _, o, _, _ in said for i in (s, o))
    return GraphFragment(
        article=ArticleInfo(id=article, content_hash=f"{article}:{text}", text=text, source=source),
        entities=[Entity(id=i, name=NAMES[i][0], label=NAMES[i][1]) for i in ids],
        relations=[
            Relation(subject=s, predicate=p, object=o, evidence=[_said(article, n, source, d, r)])
            for n, (s, p, o, d, r) in enumerate(said)
        ],
    )


def _said(article: str, n: int, source: str, day: str | None, rule: str | None) -> Evidence:
    """Sentence n of an article, every third one negated."""
    return Evidence(
        article_id=article, sentence=f"Sentence {n} of {article}.", start=n * 40,
        end=n * 40 + 20, published=day, source=source, negated=n % 3 == 2,
        confidence=0.8, extractor="test", rule=rule,
    )  # fmt: skip


def _normal(claims: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Aggregates with their sets in one order (the engines collect them in any)."""
    return {
        key: {**row, "outlets": sorted(row["outlets"] or []), "rules": sorted(row["rules"] or [])}
        for key, row in claims.items()
    }


def assert_claims_consistent(store: GraphStore) -> dict[str, dict[str, Any]]:
    """The stored claims and their days, checked equal to their aggregates recomputed from
    scratch."""
    stored = _normal(store.claims())
    assert stored == _normal(store.claims(recomputed=True))
    assert store.claim_days() == store.claim_days(recomputed=True)
    return stored


A: list[Said] = [
    (PUTIN, Predicate.OPPOSES, "nato", "2022-02-01", "r1"),
    (PUTIN, Predicate.OPPOSES, "nato", "2022-03-05", "r2"),
    (ORBAN, Predicate.MEETS, PUTIN, None, None),
    (ORBAN, Predicate.CRITICIZES, "european-union", "2022-01-10", "r1"),
]
B: list[Said] = [
    (PUTIN, Predicate.OPPOSES, "nato", "2021-12-30", "r3"),
    (PUTIN, Predicate.MEETS, ORBAN, "2022-04-01", "r1"),
]


def test_claims_stay_equal_to_their_recomputed_aggregates(store: GraphStore) -> None:
    store.write_fragment(_fragment("a", "RT", A))
    store.write_fragment(_fragment("b", "Reuters", B))
    store.write_fragment(ONE)
    store.write_fragment(TWO)
    claims = assert_claims_consistent(store)
    opposes = claims[f"{PUTIN}|OPPOSES|nato"]
    assert (opposes["sentences"], opposes["articles"]) == (4, 3)
    assert (opposes["first"], opposes["last"]) == ("2021-12-30", "2022-03-05")
    assert opposes["outlets"] == ["RT", "Reuters"]
    assert opposes["newest"][0].startswith("2022-03-05|")
    meets = claims[f"{ORBAN}|MEETS|{PUTIN}"]  # both directions, one claim, ends in id order
    assert (meets["sentences"], meets["articles"], meets["ends"]) == (4, 4, meets["ends"])
    # a changed article: one claim gone from it, one dated anew, one added
    store.write_fragment(_fragment("a", "RT", [*B, A[3]], text="changed"))
    claims = assert_claims_consistent(store)
    assert claims[f"{PUTIN}|OPPOSES|nato"]["last"] == "2021-12-30"
    store.delete_article("b")
    store.delete_article("art-1")
    claims = assert_claims_consistent(store)
    assert claims[f"{PUTIN}|OPPOSES|nato"]["sentences"] == 1
    store.delete_article("a")
    store.delete_article("art-2")
    assert store.claims() == {} == store.claims(recomputed=True)


def test_a_graph_written_before_claims_kept_days_gets_them_on_opening(
    store: GraphStore,
) -> None:
    store.write_fragment(_fragment("a", "RT", A))
    store.write_fragment(_fragment("b", "Reuters", B))
    kept = store.claim_days()
    store.backend.write(f"MATCH (d:{DAY}) DELETE d")  # as the graph was before days
    assert store.claim_days() == {}
    store.ensure_schema()
    assert store.claim_days() == kept == store.claim_days(recomputed=True)
    store.ensure_schema()  # once only: a graph with its days is left as it is
    assert store.claim_days() == kept


def test_a_claim_keeps_only_its_newest_stamps(store: GraphStore) -> None:
    said = [(PUTIN, Predicate.OPPOSES, "nato", f"2022-01-{d:02d}", "r1") for d in range(1, 29)]
    for n in range(3):  # 84 sentences over 3 articles: more than NEWEST
        store.write_fragment(_fragment(f"n{n}", f"outlet {n}", said))
    claims = assert_claims_consistent(store)
    newest = claims[f"{PUTIN}|OPPOSES|nato"]["newest"]
    assert len(newest) == NEWEST and newest == sorted(newest, reverse=True)
    store.delete_article("n1")
    assert_claims_consistent(store)


def test_the_engines_statistics_count_what_counting_counts(store: GraphStore) -> None:
    """/health reads FalkorDB's statistics in one statement; Neo4j counts label by label:
    the same numbers either way."""
    store.write_fragment(_fragment("a", "RT", A))
    store.write_fragment(ONE)
    store.delete_article("a")
    counted = {name: store.backend.read(q, {})[0]["n"] for name, q in queries.COUNTS.items()}
    assert store.counts() == graph_counts(counted)
    assert store.counts().evidence == 2 and store.counts().relations == 2


PAGED = f"(v:{EVIDENCE} {{id: shown_id}})"  # the page of a claim's or a day's newest sentences
ANSWER_READS = {
    "TIMELINE": queries.TIMELINE,
    **{f"SUPPORTERS[{dated}]": queries.SUPPORTERS[dated] for dated in (False, True)},
    **{f"RELATIONS{key}": query for key, query in queries.RELATIONS.items()},
    **{f"RELATIONS_BOTH_WAYS{key}": q for key, q in queries.RELATIONS_BOTH_WAYS.items()},
}


@pytest.mark.parametrize("name", sorted(ANSWER_READS))
def test_answers_read_claims_and_days_never_sentences(store: GraphStore, name: str) -> None:
    """Answers read claims, and timelines and answers narrowed to dates or an outlet add
    up the claims' days: Evidence is read only as a page, by id, and days and evidence are
    found through their indexes (never a scan of the label)."""
    if not isinstance(store.backend, FalkorDBBackend):
        pytest.skip("the plan is the embedded engine's")
    query = ANSWER_READS[name]
    params = {p: ["x"] for p in re.findall(r"\$(\w+)", query)}
    params |= {"id": "x", "evidence": 20, "limit": 10, "since": "2022", "until": "2023",
               "source": "RT"}  # fmt: skip
    graph = store.backend._db.select_graph(store.backend.graph_name)  # type: ignore[attr-defined]
    assert set(re.findall(rf"\(\w+:{EVIDENCE}[^)]*\)", query)) <= {PAGED}, query
    plan = [line.strip() for line in graph.explain(query, params).plan]
    read = [line for line in plan if f":{DAY})" in line or f":{EVIDENCE})" in line]
    assert all(line.startswith("Node By Index Scan") for line in read), plan
