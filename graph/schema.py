"""Indexes and uniqueness constraints, one list per engine (the dialects differ here).

Every entity node carries the `Entity` label, so one uniqueness constraint on
`Entity.id` covers them all and relation writes can MERGE endpoints by id.
"""

from loaders.ontology import ARTICLE, DAY, ENTITY, EVIDENCE, GRAPH, SOURCE

UNIQUE_ID_LABELS = (ENTITY, ARTICLE, SOURCE, GRAPH, DAY)
# Evidence nodes are found by the claim they assert (a page of it) and by their article (a
# changed or deleted article retracts its own); ids are unique by construction.
EVIDENCE_KEYS = ("id", "claim", "article_id")
# A claim's days are found by the claim (a timeline, a dated answer).
DAY_KEYS = ("claim",)

NEO4J_SCHEMA = (
    [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in UNIQUE_ID_LABELS
    ]
    + [
        f"CREATE INDEX evidence_{key} IF NOT EXISTS FOR (n:{EVIDENCE}) ON (n.{key})"
        for key in EVIDENCE_KEYS
    ]
    + [f"CREATE INDEX day_{key} IF NOT EXISTS FOR (n:{DAY}) ON (n.{key})" for key in DAY_KEYS]
)


def falkordb_indexes() -> list[str]:
    """Cypher that creates the FalkorDB range indexes (each errors if it exists)."""
    return (
        [f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in UNIQUE_ID_LABELS]
        + [f"CREATE INDEX FOR (n:{EVIDENCE}) ON (n.{key})" for key in EVIDENCE_KEYS]
        + [f"CREATE INDEX FOR (n:{DAY}) ON (n.{key})" for key in DAY_KEYS]
    )


FALKORDB_INDEX_STATUS = "CALL db.indexes() YIELD label, status RETURN label, status"
"""FalkorDB: each index's state. An engine that has just loaded a graph rebuilds its indexes
('[Indexing] ...: UNDER CONSTRUCTION'), and until one is 'OPERATIONAL' every lookup it
would serve scans the whole label instead."""


def falkordb_constraints(graph: str) -> list[list[str]]:
    """Redis commands that create FalkorDB unique constraints (need the index first)."""
    return [
        ["GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", label, "PROPERTIES", "1", "id"]
        for label in UNIQUE_ID_LABELS
    ]
