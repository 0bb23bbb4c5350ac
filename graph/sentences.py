"""What a relation, its sentences and their speakers are, for every answer that shows them.

A relation is (subject, predicate, object), a symmetric predicate's two directions one
relation; each of its edges is one sentence asserting it, known by (article_id, start),
and says who is reported saying it in its own `speaker`. graph/queries.py counts by the
same rule in Cypher (`_sentence`, `_relation`, `_SENTENCES`, RELATION_SENTENCES); the
rows it returns are merged and shown here, one way for /relations, /stances,
/neighbourhood, /paths and /timeline alike.
"""

from collections.abc import Iterable

from graph.backend import Row
from graph.records import EvidencePublic
from loaders.ontology import SYMMETRIC

RelationKey = tuple[str, str, str]  # (subject, predicate, object)
_SYMMETRIC = frozenset(p.value for p in SYMMETRIC)


def relation_key(subject: str, predicate: str, obj: str) -> RelationKey:
    """The relation an edge asserts: a symmetric predicate's ends in id order."""
    if predicate in _SYMMETRIC and obj < subject:
        return (obj, predicate, subject)
    return (subject, predicate, obj)


def directions(keys: Iterable[RelationKey]) -> list[dict[str, str]]:
    """RELATION_SENTENCES' parameters for these relations: both directions of a symmetric
    one (an edge may be stored either way round)."""
    rows: dict[RelationKey, None] = {}
    for subject, predicate, obj in keys:
        rows[(subject, predicate, obj)] = None
        if predicate in _SYMMETRIC:
            rows[(obj, predicate, subject)] = None
    return [{"subject": s, "predicate": p, "object": o} for s, p, o in rows]


def sentence_totals(rows: Iterable[Row]) -> dict[RelationKey, int]:
    """Sentences per relation from RELATION_SENTENCES' rows, directions added together
    (an article writes a symmetric relation one way round, so no sentence is in both)."""
    totals: dict[RelationKey, int] = {}
    for row in rows:
        key = relation_key(row["subject"], row["predicate"], row["object"])
        totals[key] = totals.get(key, 0) + row["sentences"]
    return totals


def merge_directions(rows: list[Row], *, evidence_limit: int) -> list[Row]:
    """RELATIONS' rows with a symmetric relation's two directions as one row, oriented as
    the first: sentences added, evidence newest first up to evidence_limit."""
    merged: dict[RelationKey, Row] = {}
    for row in rows:
        key = relation_key(row["s_id"], row["predicate"], row["o_id"])
        first = merged.get(key)
        if first is None:
            merged[key] = dict(row)
            continue
        first["sentences"] += row["sentences"]
        first["title"] = first["title"] or row["title"]
        both = [*first["evidence"], *row["evidence"]]  # undated last
        both.sort(key=lambda item: item.get("published") or "", reverse=True)
        first["evidence"] = both[:evidence_limit]
    return sorted(merged.values(), key=lambda row: -row["sentences"])


def speaker_ids(items: Iterable[Row]) -> set[str]:
    """The speakers (entity ids) of these evidence rows."""
    return {item["speaker"] for item in items if item.get("speaker")}


def evidence(items: Iterable[Row], speakers: dict[str, str]) -> list[EvidencePublic]:
    """Evidence records, one per sentence (article_id, start), each with its own speaker
    and that speaker's name (speakers: id -> name)."""
    seen: set[tuple[str, int | None]] = set()
    records = []
    for item in items:
        key = (item["article_id"], item.get("start"))
        if key in seen:
            continue
        seen.add(key)
        fields = {k: item[k] for k in EvidencePublic.model_fields if item.get(k) is not None}
        if item.get("speaker"):
            fields["speaker_name"] = speakers.get(item["speaker"])
        records.append(EvidencePublic(**fields))
    return records
