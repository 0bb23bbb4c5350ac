"""Every Cypher string newsgraph sends, shared by both engines.

Values are always `$parameters`. Labels and relationship types appear only
through the ontology's enums (loaders.ontology), interpolated once at import
time, never from text or request input. The subset used runs on Neo4j 5 and
FalkorDB alike (shared/cypher-compat.md); tests lint every string for Neo4j.
"""

from loaders.ontology import ARTICLE, ENTITY, MENTIONS, PUBLISHED_BY, SOURCE, Label, Predicate

# The label of an entity node other than the structural `Entity`.
_KIND = f"[l IN labels(e) WHERE l <> '{ENTITY}'][0]"


def _merge_entities(label: Label) -> str:
    return f"""
FOREACH (e IN $entities.{label.value} |
  MERGE (n:{ENTITY} {{id: e.id}})
  ON CREATE SET n:{label.value}, n.name = e.name
  SET n.aliases = coalesce(n.aliases, []) + [x IN e.aliases WHERE NOT x IN coalesce(n.aliases, [])],
      n.keys = coalesce(n.keys, []) + [k IN e.keys WHERE NOT k IN coalesce(n.keys, [])],
      n.wikidata = coalesce(n.wikidata, e.wikidata)
  MERGE (a)-[m:{MENTIONS}]->(n)
  SET m.count = e.mentions)"""


def _merge_relations(predicate: Predicate) -> str:
    return f"""
FOREACH (r IN $relations.{predicate.value} |
  MERGE (s:{ENTITY} {{id: r.subject}})
  MERGE (o:{ENTITY} {{id: r.object}})
  MERGE (s)-[x:{predicate.value} {{id: r.id}}]->(o)
  SET x += r.props)"""


WRITE_FRAGMENT = (
    f"""
MERGE (a:{ARTICLE} {{id: $article.id}})
WITH a
OPTIONAL MATCH (a)-[:{MENTIONS}]->(:{ENTITY})-[old]->(:{ENTITY})
WHERE old.article_id = $article.id
WITH a, collect(DISTINCT old) AS stale
FOREACH (r IN stale | DELETE r)
WITH a
OPTIONAL MATCH (a)-[m:{MENTIONS}|{PUBLISHED_BY}]->()
WITH a, collect(m) AS links
FOREACH (l IN links | DELETE l)
SET a += $article.props
FOREACH (src IN $sources |
  MERGE (s:{SOURCE} {{id: src.id}})
  ON CREATE SET s.name = src.name
  MERGE (a)-[:{PUBLISHED_BY}]->(s))"""
    + "".join(_merge_entities(label) for label in Label)
    + "".join(_merge_relations(predicate) for predicate in Predicate)
    + "\nRETURN a.id AS id"
)
"""Write one article's fragment in one statement (one transaction on both engines).

Steps: MERGE the article; delete the evidence edges and the MENTIONS /
PUBLISHED_BY links an earlier version of it wrote; set its properties and its
source; MERGE each entity (by id, label set on create, aliases accumulated)
with a MENTIONS link; MERGE one edge per asserting sentence (keyed by an id
derived from article, ends, predicate and offset) carrying its evidence.
"""

ARTICLE_HASHES = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})
RETURN a.id AS id, a.content_hash AS content_hash"""
"""The stored content hash of each of the given article ids that exists."""

COUNTS = f"""
OPTIONAL MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
WITH nodes, count(r) AS relationships
OPTIONAL MATCH (a:{ARTICLE})
WITH nodes, relationships, count(a) AS articles
OPTIONAL MATCH (e:{ENTITY})
WITH nodes, relationships, articles, count(e) AS entities
OPTIONAL MATCH (:{ENTITY})-[x]->(:{ENTITY})
RETURN nodes, relationships, articles, entities, count(x) AS relations"""
"""Node, relationship, article, entity and entity-to-entity edge counts."""

_ENTITY_FILTER = f"""
MATCH (e:{ENTITY})
WHERE ($label IS NULL OR $label IN labels(e))
  AND ($q = '' OR any(k IN e.keys WHERE k CONTAINS $q))"""

SEARCH_ENTITIES = (
    _ENTITY_FILTER
    + f"""
WITH e, CASE WHEN $q IN e.keys THEN 0 ELSE 1 END AS rank,
     size([(a:{ARTICLE})-[:{MENTIONS}]->(e) | a]) AS articles
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases,
       e.wikidata AS wikidata, articles, rank
ORDER BY rank, articles DESC, name
SKIP $offset LIMIT $limit"""
)
"""Entities whose folded name or alias contains $q (exact matches first), one page."""

COUNT_ENTITIES = _ENTITY_FILTER + "\nRETURN count(e) AS total"
"""How many entities SEARCH_ENTITIES would page through."""

GET_ENTITY = f"""
MATCH (e:{ENTITY} {{id: $id}})
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases,
       e.wikidata AS wikidata, size([(a:{ARTICLE})-[:{MENTIONS}]->(e) | a]) AS articles"""
"""One entity by id."""

ENTITY_ARTICLES = f"""
MATCH (a:{ARTICLE})-[m:{MENTIONS}]->(e:{ENTITY} {{id: $id}})
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published,
       a.source AS source, a.path AS path, m.count AS mentions
ORDER BY mentions DESC, id
LIMIT $limit"""
"""The articles that mention an entity, most mentions first."""

LIST_ARTICLES = f"""
MATCH (a:{ARTICLE})
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published,
       a.source AS source, a.path AS path
ORDER BY published DESC, id
SKIP $offset LIMIT $limit"""
"""One page of articles, newest first."""

COUNT_ARTICLES = f"MATCH (a:{ARTICLE}) RETURN count(a) AS total"
"""How many articles there are."""

GET_ARTICLE = f"""
MATCH (a:{ARTICLE} {{id: $id}})
RETURN a.id AS id, a.title AS title, a.url AS url, a.published AS published,
       a.source AS source, a.path AS path, a.text AS text, a.content_hash AS content_hash"""
"""One article by id."""

ARTICLE_ENTITIES = f"""
MATCH (a:{ARTICLE} {{id: $id}})-[m:{MENTIONS}]->(e:{ENTITY})
RETURN e.id AS id, e.name AS name, {_KIND} AS label, m.count AS mentions
ORDER BY mentions DESC, name"""
"""The entities an article mentions, most mentioned first."""

KNOWN_ENTITIES = f"""
MATCH (e:{ENTITY})
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.keys AS keys, e.wikidata AS wikidata"""
"""Every entity with its folded names: what new articles are resolved against."""

CLEAR_GRAPH = "MATCH (n) DETACH DELETE n"
"""Delete every node and relationship (tests, and starting a graph over)."""

ALL_QUERIES = {
    name: value
    for name, value in dict(globals()).items()
    if name.isupper()
    and not name.startswith("_")
    and isinstance(value, str)
    and ("MATCH" in value or "RETURN" in value)
}
"""Every statement above by name (the Neo4j lint test reads this)."""
