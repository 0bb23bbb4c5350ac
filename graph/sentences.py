"""What a relation, its sentences and their speakers are, for every answer that shows them.

A relation is (subject, predicate, object), a symmetric predicate's two directions one
relation: one claim edge, its ends in id order (graph/store.py `claim_key`). Each of its
sentences is an Evidence node, known by (article_id, start), that says who is reported
saying it in its own `speaker`, and sorts by its stamp (date, then id). Answers show the
newest page of a claim's sentences and a cursor to the next: here for /relations,
/stances, /neighbourhood, /paths and /timeline alike.
"""

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from graph.backend import Row
from graph.records import EvidencePublic
from loaders.ontology import SYMMETRIC

RelationKey = tuple[str, str, str]  # (subject, predicate, object)
_SYMMETRIC = frozenset(p.value for p in SYMMETRIC)
_EVIDENCE_FIELDS = tuple(EvidencePublic.model_fields)  # read once: pydantic's is slow to get


def relation_key(subject: str, predicate: str, obj: str) -> RelationKey:
    """The relation an edge asserts: a symmetric predicate's ends in id order."""
    if predicate in _SYMMETRIC and obj < subject:
        return (obj, predicate, subject)
    return (subject, predicate, obj)


def unique_claims(rows: list[Row]) -> list[Row]:
    """Claim rows each once (a symmetric claim found from either end), most asserted first."""
    seen: dict[str, Row] = {}
    for row in rows:
        seen.setdefault(row["claim"], row)
    return sorted(seen.values(), key=lambda row: -row["sentences"])


@dataclass(frozen=True)
class EvidenceCursor:
    """Where the next page of a group of claims' sentences starts: older than `before`,
    within the dates and outlet the first page was asked for."""

    claims: list[str]
    before: str
    since: str | None = None
    until: str | None = None
    source: str | None = None

    def encode(self) -> str:
        """The cursor as an opaque URL-safe token."""
        return base64.urlsafe_b64encode(json.dumps(asdict(self)).encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> "EvidenceCursor":
        """A token back into a cursor; ValueError if it is not one this API gave."""
        try:
            raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            cursor = cls(**raw)
        except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, TypeError) as err:
            raise ValueError("not an evidence cursor this API gave") from err
        fields = (cursor.before, *cursor.claims)
        if not cursor.claims or not all(isinstance(f, str) and f.count("|") >= 1 for f in fields):
            raise ValueError("not an evidence cursor this API gave")
        return cursor


def newest_ids(stamps: Iterable[str], limit: int) -> list[str]:
    """The stamps of the newest `limit` sentences among these, newest first."""
    return sorted(set(stamps), reverse=True)[:limit]


def stamp_id(stamp: str) -> str:
    """The Evidence id a stamp ("date|id") names."""
    return stamp.split("|", 1)[1]


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
        fields = {k: item[k] for k in _EVIDENCE_FIELDS if item.get(k) is not None}
        if item.get("speaker"):
            fields["speaker_name"] = speakers.get(item["speaker"])
        records.append(EvidencePublic(**fields))
    return records
