"""The graph store: fragments in, records out, over whichever backend is open."""

import uuid
from collections.abc import Iterable
from types import EllipsisType
from typing import Any

from graph import queries
from graph.backend import Backend
from graph.errors import ArticleNotFound, BadSplit, TopicNotFound
from graph.records import (
    ArticleDeleted,
    ArticleDetail,
    ArticleSummary,
    EntityArticle,
    EntityDetail,
    EntitySummary,
    GraphCounts,
    MentionedEntity,
    WriteOutcome,
)
from graph.sentences import relation_key
from loaders.fragment import GraphFragment
from loaders.kb import KnownEntity
from loaders.ontology import (
    ARTICLE,
    ENTITY,
    EVIDENCE,
    GRAPH,
    MENTIONS,
    OPPOSE_ROLLUP,
    PUBLISHED_BY,
    SUPPORT_ROLLUP,
    Label,
    Predicate,
)
from loaders.text import digest, fold, slugify


class GraphStore:
    """Reads and writes newsgraph's data through one backend."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    def ensure_schema(self) -> None:
        """Create indexes and constraints before the first write (idempotent), and give a
        graph written before claims kept their days those days, once."""
        self.backend.ensure_schema()
        if self.backend.read(queries.DAYS_MISSING)[0]["missing"]:
            self._add_days()

    def _add_days(self) -> None:
        """Every claim's days, counted from its sentences, written in batches."""
        days = [
            {"id": row.pop("key"), "props": row}
            for row in self._read(queries.DAY_TOTALS, {"newest": NEWEST})
        ]
        for start in range(0, len(days), DAY_BATCH):
            self.backend.write(queries.SET_DAYS, {"days": days[start : start + DAY_BATCH]})

    def article_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Stored content hash per article id, for the ids already in the graph."""
        rows = self.backend.read(queries.ARTICLE_HASHES, {"ids": list(ids)})
        return {row["id"]: row["content_hash"] for row in rows}

    def article_paths(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Stored file path per article id, for the ids already in the graph."""
        rows = self.backend.read(queries.ARTICLE_PATHS, {"ids": list(ids)})
        return {row["id"]: row["path"] for row in rows}

    def write_fragment(
        self, fragment: GraphFragment, *, stored_hash: str | EllipsisType | None = ...
    ) -> WriteOutcome:
        """Write one article in one transaction; unchanged content writes nothing.

        Callers that already read the article's stored hash (None: not stored)
        pass it as stored_hash to save the lookup.
        """
        article = fragment.article
        stored = (
            self.article_hashes([article.id]).get(article.id) if stored_hash is ... else stored_hash
        )
        counts = {"entities": len(fragment.entities), "relations": len(fragment.relations)}
        if stored == article.content_hash:
            return WriteOutcome(article_id=article.id, status="unchanged", **counts)
        before = self._mentioned(article.id) if stored is not None else set()
        query = queries.WRITE_FRAGMENT if stored is None else queries.REPLACE_FRAGMENT
        self.backend.write(query, {**fragment_params(fragment), "generation": new_generation()})
        dropped = before - {e.id for e in fragment.entities}
        if dropped:  # entities only the earlier version mentioned
            params = {"id": article.id, "ids": sorted(dropped), "generation": new_generation()}
            self.backend.write(queries.DELETE_ORPHANS, params)
        status = "new" if stored is None else "changed"
        return WriteOutcome(article_id=article.id, status=status, **counts)

    def delete_article(self, article_id: str) -> ArticleDeleted:
        """Delete an article and every fact only it supported (its evidence, relations left
        with none, entities and its outlet left with nothing) in one transaction."""
        params = {"id": article_id, "claim_keys": [], "days": [], "newest": NEWEST,
                  "generation": new_generation()}  # fmt: skip
        rows = self.backend.write(queries.DELETE_ARTICLE, params)
        if not rows:
            raise ArticleNotFound(f"no article {article_id!r}")
        row = rows[0]
        return ArticleDeleted(
            article_id=row["id"],
            evidence=row["evidence"],
            relations=row["relations"],
            entities=sorted(row["entities"]),
        )

    def _mentioned(self, article_id: str) -> set[str]:
        rows = self.backend.read(queries.ARTICLE_MENTIONS, {"id": article_id})
        return {row["id"] for row in rows}

    def counts(self) -> GraphCounts:
        """Sizes of the graph, from the engine's own counts of labels and types (constant
        time): relations are the claim edges, evidence the Evidence nodes."""
        if self.backend.kind == "falkordb":
            return stats_counts(self._read(queries.FALKORDB_STATS)[0])
        return graph_counts({name: self._read(q)[0]["n"] for name, q in queries.COUNTS.items()})

    def claims(self, *, recomputed: bool = False) -> dict[str, dict[str, Any]]:
        """Every claim's aggregates by key: as stored, or recomputed from all the evidence
        (what the stored ones must equal; reads every sentence)."""
        query = queries.CLAIM_TOTALS if recomputed else queries.STORED_CLAIMS
        params = {"types": [p.value for p in Predicate], "newest": NEWEST}
        return {row.pop("key"): row for row in self._read(query, params)}

    def claim_days(self, *, recomputed: bool = False) -> dict[str, dict[str, Any]]:
        """Every claim's days by key: as stored, or recomputed from all the evidence."""
        query = queries.DAY_TOTALS if recomputed else queries.STORED_DAYS
        return {row.pop("key"): row for row in self._read(query, {"newest": NEWEST})}

    def search_entities(
        self, *, q: str = "", label: Label | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[EntitySummary], int]:
        """One page of entities matching q (accent- and case-insensitive) and the total."""
        params = {"q": fold(q), "label": str(label) if label else None}
        rows = self._read(queries.SEARCH_ENTITIES, {**params, "limit": limit, "offset": offset})
        total = self._read(queries.COUNT_ENTITIES, params)[0]["total"]
        return [EntitySummary(**_clean(row)) for row in rows], total

    def get_entity(self, entity_id: str, *, article_limit: int = 50) -> EntityDetail | None:
        """One entity with the articles that mention it, or None."""
        rows = self._read(queries.GET_ENTITY, {"id": entity_id})
        if not rows:
            return None
        articles = self._read(queries.ENTITY_ARTICLES, {"id": entity_id, "limit": article_limit})
        return EntityDetail(
            **_clean(rows[0]), mentioned_in=[EntityArticle(**_clean(a)) for a in articles]
        )

    def list_articles(
        self, *, limit: int = 20, offset: int = 0
    ) -> tuple[list[ArticleSummary], int]:
        """One page of articles, newest first, and the total."""
        rows = self._read(queries.LIST_ARTICLES, {"limit": limit, "offset": offset})
        total = self._read(queries.COUNT_ARTICLES)[0]["total"]
        return [ArticleSummary(**_clean(row)) for row in rows], total

    def get_article(self, article_id: str) -> ArticleDetail | None:
        """One article with the entities found in it, or None."""
        rows = self._read(queries.GET_ARTICLE, {"id": article_id})
        if not rows:
            return None
        entities = self._read(queries.ARTICLE_ENTITIES, {"id": article_id})
        return ArticleDetail(
            **_clean(rows[0]), entities=[MentionedEntity(**_clean(e)) for e in entities]
        )

    def known_entities(self) -> dict[str, KnownEntity]:
        """Folded name or alias -> entity already in the graph (for resolving new articles)."""
        index: dict[str, KnownEntity] = {}
        for row in self._read(queries.KNOWN_ENTITIES):
            if row["label"] not in Label.__members__.values():
                continue
            entity = KnownEntity(
                id=row["id"], name=row["name"], label=Label(row["label"]), wikidata=row["wikidata"]
            )
            for key in row["keys"] or []:
                index.setdefault(key, entity)
        return index

    def topic_phrases(self, topic: str) -> dict[str, int]:
        """The phrases a topic's evidence named it by, with how many sentences used each."""
        rows = self._read(queries.TOPIC_PHRASES, {"topic": topic})
        return {row["phrase"]: row["sentences"] for row in rows}

    def split_topic(self, topic: str, phrases: list[str], *, name: str | None = None) -> str:
        """Move the evidence naming a topic by these phrases to a topic of their own (a bad
        merge undone without re-ingesting); returns that topic's id."""
        known = self.topic_phrases(topic)
        if not known:
            raise TopicNotFound(f"no topic {topic!r} with evidence")
        unknown = [p for p in phrases if p not in known]
        if unknown or len(set(phrases)) == len(known):
            raise BadSplit(
                f"phrases must be some, not all, of the topic's: {sorted(known)}"
                if not unknown
                else f"{unknown} never name {topic!r}; its phrases are {sorted(known)}"
            )
        name = name or max(phrases, key=lambda p: known[p])
        new = f"topic-{slugify(name)}"
        if new == topic:
            new = f"{new}-split"
        params = {"topic": topic, "new": new, "name": name, "phrases": phrases,
                  "keys": sorted({fold(p) for p in phrases}), "newest": NEWEST,
                  "generation": new_generation()}  # fmt: skip
        self.backend.write(queries.SPLIT_TOPIC, params)
        return new

    def clear(self) -> None:
        """Delete everything in the graph (tests, and starting over)."""
        self.backend.write(queries.CLEAR_GRAPH)

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self.backend.read(query, params or {})


MAX_NAMES = 100  # aliases (and folded keys) an entity keeps, the first ones written
NEWEST = 50  # evidence stamps a claim keeps, newest first: the first page of any answer
DAY_BATCH = 1_000  # claim days written per statement when a graph is given its days
UNDATED = "0000"  # an undated sentence's date in its stamp: older than any date


def new_generation() -> str:
    """A generation no write has given the graph before (each write gives it one)."""
    return uuid.uuid4().hex


def graph_counts(counted: dict[str, int]) -> GraphCounts:
    """The graph's sizes from COUNTS' numbers: relations are the relationships other than
    an article's links (the claim edges)."""
    n = dict(counted)
    links = n.pop("mentions") + n.pop("published_by")
    n["nodes"] -= n.pop("graph", 0)  # the Graph node is no data
    return GraphCounts(**n, relations=n["relationships"] - links)


def stats_counts(stats: dict[str, Any]) -> GraphCounts:
    """The graph's sizes from FALKORDB_STATS' row (a label or type never written: none)."""
    labels, types = stats.get("labels") or {}, stats.get("relTypes") or {}
    counted = {"nodes": stats["nodeCount"], "relationships": stats["relCount"]}
    for name, label in (("articles", ARTICLE), ("entities", ENTITY), ("evidence", EVIDENCE),
                        ("graph", GRAPH)):  # fmt: skip
        counted[name] = labels.get(label, 0)
    counted |= {"mentions": types.get(MENTIONS, 0), "published_by": types.get(PUBLISHED_BY, 0)}
    return graph_counts(counted)


def fragment_params(fragment: GraphFragment) -> dict[str, Any]:
    """The parameters of WRITE_FRAGMENT and REPLACE_FRAGMENT for one fragment: its article,
    entities, Evidence nodes and claim rows (keys de-duplicated, last wins)."""
    article = fragment.article
    props = article.model_dump(exclude={"id"}, exclude_none=True)
    sources = [{"id": slugify(article.source), "name": article.source}] if article.source else []
    evidence = _evidence_nodes(fragment)
    rows = claim_rows(evidence)
    return {
        "id": article.id,
        "article": {"props": props},
        "sources": sources,
        "entities": _entities_by_label(fragment),
        "evidence": evidence,
        "rows": rows,
        "claim_keys": [row["key"] for row in rows],
        "days": day_rows(evidence),
        "max_names": MAX_NAMES,
        "newest": NEWEST,
    }


def _entities_by_label(fragment: GraphFragment) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, dict[str, dict[str, Any]]] = {label.value: {} for label in Label}
    for entity in fragment.entities:
        keys = sorted(name_keys(entity.name, entity.aliases) | set(entity.keys or []))
        grouped[entity.label.value][entity.id] = {
            "id": entity.id,
            "name": entity.name,
            "aliases": entity.aliases,
            "keys": keys,
            "wikidata": entity.wikidata,
            "mentions": entity.mentions,
        }
    return {label: list(rows.values()) for label, rows in grouped.items()}


def name_keys(name: str, aliases: list[str]) -> set[str]:
    """The folded forms of an entity's name and aliases: what searches and resolution match."""
    return {fold(form) for form in (name, *aliases)} - {""}


def claim_key(subject: str, predicate: str, obj: str) -> str:
    """The id of the claim edge (subject, predicate, object): a symmetric one's ends in id
    order, so its two directions are one claim."""
    return "|".join(relation_key(subject, predicate, obj))


def stamp(published: str | None, evidence_id: str) -> str:
    """How an evidence sorts, newest first: its date, then its id (undated: oldest)."""
    return f"{published or UNDATED}|{evidence_id}"


def _evidence_nodes(fragment: GraphFragment) -> list[dict[str, Any]]:
    """One Evidence node per asserting sentence, keyed by article, ends, predicate and
    offset, with its claim's key and ends (a symmetric claim's in id order)."""
    nodes: dict[str, dict[str, Any]] = {}
    for relation in fragment.relations:
        subject, predicate, obj = relation_key(
            relation.subject, relation.predicate.value, relation.object
        )
        for evidence in relation.evidence:
            key = f"{evidence.article_id}|{subject}|{predicate}|{obj}|{evidence.start}"
            node = evidence.model_dump(exclude_none=True)
            if relation.title:
                node["title"] = relation.title
            node_id = f"rel-{digest(key)}"
            nodes[node_id] = {
                **node,
                "id": node_id,
                "claim": claim_key(subject, predicate, obj),
                "subject": subject,
                "predicate": predicate,
                "object": obj,
                "stamp": stamp(evidence.published, node_id),
            }
    return _mark_repeats(list(nodes.values()))


def _mark_repeats(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark `repeats` the sentences that also assert, on the same ends, a stance of the same
    class under a predicate named earlier ('supports and demands talks'): a stance counts
    each sentence once by leaving them out (claims count them as `repeats`)."""
    classes = {p.value: c for c, ps in (("+", SUPPORT_ROLLUP), ("-", OPPOSE_ROLLUP)) for p in ps}
    first: dict[tuple[str, ...], str] = {}
    for node in sorted(nodes, key=lambda n: n["predicate"]):
        kind = classes.get(node["predicate"])
        if kind is None:
            continue
        said = (node["article_id"], str(node["start"]), node["subject"], node["object"], kind)
        node["repeats"] = first.setdefault(said, node["predicate"]) != node["predicate"]
    return nodes


def claim_rows(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each claim's aggregates over these Evidence nodes (one article's): what its write
    adds to the claim (queries._updated)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for node in evidence:
        grouped.setdefault(node["claim"], []).append(node)
    return [_claim_row(key, nodes) for key, nodes in grouped.items()]


def _claim_row(key: str, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    dates = sorted(n["published"] for n in nodes if n.get("published"))
    first = nodes[0]
    return {
        "key": key,
        "subject": first["subject"],
        "predicate": first["predicate"],
        "object": first["object"],
        "sentences": len(nodes),
        "articles": len({n["article_id"] for n in nodes}),
        "outlets": sorted({n["source"] for n in nodes if n.get("source")}),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "negated": sum(1 for n in nodes if n.get("negated")),
        "repeats": sum(1 for n in nodes if n.get("repeats")),
        "rules": sorted({n["rule"] for n in nodes if n.get("rule")}),
        "newest": sorted((n["stamp"] for n in nodes), reverse=True)[:NEWEST],
        "title": next((n["title"] for n in nodes if n.get("title")), None),
    }


def day_key(claim: str, published: str | None, source: str | None) -> str:
    """The id of a claim's day: its sentences of one date and outlet (either may be none)."""
    return f"{claim}|{published or ''}|{source or ''}"


def day_rows(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each claim's days over these Evidence nodes (one article's): what its write adds to
    them (queries._updated_days)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for node in evidence:
        key = day_key(node["claim"], node.get("published"), node.get("source"))
        grouped.setdefault(key, []).append(node)
    return [
        {
            "id": key,
            "claim": nodes[0]["claim"],
            "published": nodes[0].get("published"),
            "source": nodes[0].get("source"),
            "sentences": len(nodes),
            "repeats": sum(1 for n in nodes if n.get("repeats")),
            "newest": sorted((n["stamp"] for n in nodes), reverse=True)[:NEWEST],
            "title": _newest_title(nodes),
        }
        for key, nodes in grouped.items()
    ]


def _newest_title(nodes: list[dict[str, Any]]) -> str | None:
    """The title (a held role's) its newest sentence gives, if any gives one."""
    titled = [n for n in nodes if n.get("title")]
    return max(titled, key=lambda n: n["stamp"])["title"] if titled else None


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Drop None values so pydantic defaults apply (e.g. aliases on a bare node)."""
    return {k: v for k, v in row.items() if v is not None}
