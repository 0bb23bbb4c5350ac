"""Indexes and uniqueness constraints, one list per engine (the dialects differ here).

Every entity node carries the `Entity` label, so one uniqueness constraint on
`Entity.id` covers them all and relation writes can MERGE endpoints by id.
"""

from loaders.ontology import ARTICLE, ENTITY, SOURCE

UNIQUE_ID_LABELS = (ENTITY, ARTICLE, SOURCE)

NEO4J_SCHEMA = [
    f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in UNIQUE_ID_LABELS
]


def falkordb_indexes() -> list[str]:
    """Cypher that creates the FalkorDB range indexes (each errors if it exists)."""
    return [f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in UNIQUE_ID_LABELS]


def falkordb_constraints(graph: str) -> list[list[str]]:
    """Redis commands that create FalkorDB unique constraints (need the index first)."""
    return [
        ["GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", label, "PROPERTIES", "1", "id"]
        for label in UNIQUE_ID_LABELS
    ]
