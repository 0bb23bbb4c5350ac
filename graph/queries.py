"""Every Cypher string newsgraph sends, shared by both engines.

Values are always `$parameters`. Labels and relationship types appear only
through the ontology's enums (loaders.ontology), interpolated once at import
time, never from text or request input. The subset used runs on Neo4j 5 and
FalkorDB alike (shared/cypher-compat.md); tests lint every string for Neo4j.
"""

from loaders.ontology import (
    ARTICLE,
    ENTITY,
    MENTIONS,
    OPPOSE_ROLLUP,
    PUBLISHED_BY,
    SOURCE,
    SUPPORT_ROLLUP,
    SYMMETRIC,
    Label,
    Predicate,
)


def _kind(var: str) -> str:
    """The label of an entity node other than the structural `Entity`."""
    return f"[l IN labels({var}) WHERE l <> '{ENTITY}'][0]"


_KIND = _kind("e")

# --- what a relation and its sentences are: the one definition every count uses --------
#
# A relation is (subject, predicate, object), a symmetric predicate's two directions one
# relation; each edge of it is one sentence asserting it, known by (article_id, start).
# graph/sentences.py holds the same rule for what Python merges.


def _sentence(var: str) -> str:
    """The identity of the sentence an evidence edge records: its article and offset."""
    return f"{var}.article_id + '@' + toString({var}.start)"


_SYMMETRIC_TYPES = "[" + ", ".join(f"'{p.value}'" for p in sorted(SYMMETRIC)) + "]"


def _relation(s: str, r: str, o: str) -> str:
    """The identity of the relation an edge asserts (a symmetric one's ends in id order)."""
    return (
        f"CASE WHEN type({r}) IN {_SYMMETRIC_TYPES} AND {o}.id < {s}.id "
        f"THEN {o}.id + '|' + type({r}) + '|' + {s}.id "
        f"ELSE {s}.id + '|' + type({r}) + '|' + {o}.id END"
    )


_SENTENCES = f"count(DISTINCT {_sentence('r')})"
"""How many sentences assert the edges r of a group: the count every answer reports."""


def _merge_entities(label: Label) -> str:
    return f"""
FOREACH (e IN $entities.{label.value} |
  MERGE (n:{ENTITY} {{id: e.id}})
  ON CREATE SET n:{label.value}, n.name = e.name
  SET n.aliases = (coalesce(n.aliases, [])
                   + [x IN e.aliases WHERE NOT x IN coalesce(n.aliases, [])])[0..$max_names],
      n.keys = (coalesce(n.keys, [])
                + [k IN e.keys WHERE NOT k IN coalesce(n.keys, [])])[0..$max_names],
      n.wikidata = coalesce(n.wikidata, e.wikidata)
  MERGE (a)-[m:{MENTIONS}]->(n)
  SET m.count = e.mentions)"""


def _merge_relations(predicate: Predicate) -> str:
    return f"""
FOREACH (r IN $relations.{predicate.value} |
  MERGE (s:{ENTITY} {{id: r.subject}})
  MERGE (o:{ENTITY} {{id: r.object}})
  CREATE (s)-[x:{predicate.value} {{id: r.id}}]->(o)
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
source; MERGE each entity (by id, label set on create, aliases accumulated up
to $max_names, so a topic written a thousand ways stays a small node)
with a MENTIONS link; CREATE one edge per asserting sentence (with an id
derived from article, ends, predicate and offset) carrying its evidence. The
article's earlier edges are gone by then, so CREATE is safe, and it stays
cheap where MERGE would scan every parallel edge of a much-cited relation.
"""

ARTICLE_MENTIONS = f"""
MATCH (:{ARTICLE} {{id: $id}})-[:{MENTIONS}]->(e:{ENTITY})
RETURN e.id AS id"""
"""The ids of the entities an article mentions."""


def _support(e: str) -> str:
    """What else entity e stands on than article $id: the other articles mentioning it and
    the other articles' sentences relating it; none is what an article alone supported.
    (Projected, then filtered: FalkorDB takes no pattern comprehension in a WHERE.)"""
    return (
        f"size([(b:{ARTICLE})-[:{MENTIONS}]->({e}) WHERE b.id <> $id | b]) "
        f"+ size([({e})-[y]-(:{ENTITY}) WHERE y.article_id <> $id | y])"
    )


DELETE_ORPHANS = f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
WITH e, {_support("e")} AS support
WHERE support = 0
DETACH DELETE e"""
"""Delete those of the given entities that stood on article $id alone (after its changed
version dropped them)."""

DELETE_ARTICLE = f"""
MATCH (a:{ARTICLE} {{id: $id}})
CALL {{
  WITH a
  OPTIONAL MATCH (a)-[:{MENTIONS}]->(:{ENTITY})-[r]->(:{ENTITY})
  WHERE r.article_id = $id
  RETURN collect(DISTINCT r) AS evidence
}}
CALL {{
  WITH a
  MATCH (a)-[:{MENTIONS}]->(s:{ENTITY})-[r]->(o:{ENTITY})
  WHERE r.article_id = $id
  WITH DISTINCT s, o, type(r) AS predicate
  OPTIONAL MATCH (s)-[y]-(o)
  WHERE type(y) = predicate AND y.article_id <> $id
    AND (startNode(y) = s OR predicate IN {_SYMMETRIC_TYPES})
  WITH s, o, predicate, count(y) AS others
  WHERE others = 0
  RETURN count(*) AS relations
}}
CALL {{
  WITH a
  MATCH (a)-[:{MENTIONS}]->(e:{ENTITY})
  WITH e, {_support("e")} AS support
  WHERE support = 0
  RETURN collect(e) AS orphans
}}
CALL {{
  WITH a
  MATCH (a)-[:{PUBLISHED_BY}]->(src:{SOURCE})
  WITH src, size([(b:{ARTICLE})-[:{PUBLISHED_BY}]->(src) WHERE b.id <> $id | b]) AS others
  WHERE others = 0
  RETURN collect(src) AS outlets
}}
WITH a, evidence, orphans, outlets, relations, size(evidence) AS sentences,
     [e IN orphans | e.id] AS entities
FOREACH (r IN evidence | DELETE r)
FOREACH (e IN orphans | DETACH DELETE e)
FOREACH (src IN outlets | DETACH DELETE src)
DETACH DELETE a
RETURN $id AS id, sentences AS evidence, relations, entities"""
"""Delete an article and every fact only it supported, in one statement (one transaction
on both engines: all of it or nothing).

Steps, all decided on the graph as it was before anything is deleted (FalkorDB may not
see within a statement what the statement changed): its evidence edges; how many
relations have no sentence from another article, so vanish with those edges (an OPTIONAL
MATCH: FalkorDB 4.22 filters a pattern comprehension bound at both ends wrongly); the
entities it mentions that stand on it alone; its outlet if no other article has it. Then
delete them and the article (its MENTIONS and PUBLISHED_BY links with it). No row: no
such article."""

ARTICLE_HASHES = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})
RETURN a.id AS id, a.content_hash AS content_hash"""
"""The stored content hash of each of the given article ids that exists."""

ARTICLE_PATHS = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})
RETURN a.id AS id, a.path AS path"""
"""The stored file path (or null) of each of the given article ids that exists."""

COUNTS = f"""
OPTIONAL MATCH (n)
WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->()
WITH nodes, count(r) AS relationships
OPTIONAL MATCH (a:{ARTICLE})
WITH nodes, relationships, count(a) AS articles
OPTIONAL MATCH (e:{ENTITY})
WITH nodes, relationships, articles, count(e) AS entities
OPTIONAL MATCH (s:{ENTITY})-[r]->(o:{ENTITY})
RETURN nodes, relationships, articles, entities,
       count(DISTINCT {_relation("s", "r", "o")}) AS relations, count(r) AS evidence"""
"""Node, relationship, article and entity counts; relations as /relations lists them (a
symmetric one's two directions once); evidence edges, one per relation and sentence."""

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
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases, e.keys AS keys,
       e.wikidata AS wikidata"""
"""Every entity with its names and folded keys: what articles and requests are resolved against."""

# --- the analyst's reads ---------------------------------------------------------------

_ALL_PREDICATES = "|".join(p.value for p in Predicate)

_DATES = """($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)"""


def _entity(var: str) -> str:
    """Columns var_id, var_name, var_label, var_aliases of an entity node."""
    return (
        f"{var}.id AS {var}_id, {var}.name AS {var}_name, "
        f"{_kind(var)} AS {var}_label, {var}.aliases AS {var}_aliases"
    )


# An evidence as every answer shows it: the sentence, where and when, and its speaker (the
# edge's `speaker`, an entity id; graph/sentences.py adds the name).
_EVIDENCE_FIELDS = "{.article_id, .sentence, .start, .published, .source, .speaker, .rule}"

# Evidence newest first, at most $evidence sentences per relation (the total is counted
# apart). Edges are collected and only the kept ones projected: building a map for every
# sentence of a much-cited relation cost most of the query.
_EVIDENCE = f"[x IN edges[0..$evidence] | x {_EVIDENCE_FIELDS}] AS evidence"


def _stances(types: tuple[Predicate, ...]) -> str:
    return f"""
MATCH (t:{ENTITY})
WHERE t.id IN $targets
MATCH (a:{ENTITY})-[r:{"|".join(t.value for t in types)}]->(t)
WHERE {_DATES}
  AND ($source IS NULL OR toLower(r.source) = toLower($source))
WITH a, r ORDER BY r.published DESC
WITH a, collect(r) AS edges, collect(DISTINCT type(r)) AS predicates,
     collect(DISTINCT r.source) AS outlets, {_SENTENCES} AS sentences
RETURN {_entity("a")}, {_EVIDENCE}, predicates, size(outlets) AS outlets, sentences
ORDER BY sentences DESC, a_name"""


SUPPORTERS = _stances(SUPPORT_ROLLUP)
"""Who supports (SUPPORTS, DEMANDS, PROPOSES) any of $targets: one row per actor.

Steps: find the target nodes by id (index), walk their incoming stance edges,
filter by date and outlet, and group per actor with the newest evidence first."""

OPPONENTS = _stances(OPPOSE_ROLLUP)
"""Who opposes any of $targets: one row per actor (as SUPPORTERS)."""

_RELATION_ROWS = f"""
WITH s, o, type(r) AS predicate, r ORDER BY r.published DESC
WITH s, o, predicate, collect(r) AS edges, {_SENTENCES} AS sentences
RETURN {_entity("s")}, predicate, {_entity("o")}, {_EVIDENCE}, sentences,
       [x IN edges WHERE x.title IS NOT NULL | x.title][0] AS title
ORDER BY sentences DESC, s_id, predicate, o_id
LIMIT $limit"""
_RELATION_FILTER = f"type(r) IN $types AND {_DATES}"


RELATIONS = {
    "subject": f"""
MATCH (s:{ENTITY})
WHERE s.id IN $subjects
MATCH (s)-[r]->(o:{ENTITY})
WHERE ($objects IS NULL OR o.id IN $objects) AND {_RELATION_FILTER}"""
    + _RELATION_ROWS,
    "object": f"""
MATCH (o:{ENTITY})
WHERE o.id IN $objects
MATCH (s:{ENTITY})-[r]->(o)
WHERE {_RELATION_FILTER}"""
    + _RELATION_ROWS,
    "any": f"""
MATCH (s:{ENTITY})-[r]->(o:{ENTITY})
WHERE {_RELATION_FILTER}"""
    + _RELATION_ROWS,
}
"""Relations filtered by ends, types and dates, one row per (subject, predicate, object).

One variant per anchor, so the engine starts from the indexed ids it is given:
"subject" (subjects given, objects maybe), "object" (objects only), "any"."""


def _neighbourhood(depth: int) -> str:
    return f"""
MATCH p = (e:{ENTITY} {{id: $id}})-[:{_ALL_PREDICATES}*1..{depth}]-(:{ENTITY})
WITH p LIMIT $paths
UNWIND relationships(p) AS r
RETURN DISTINCT startNode(r).id AS subject, type(r) AS predicate, endNode(r).id AS object"""


NEIGHBOURHOOD = {depth: _neighbourhood(depth) for depth in (1, 2, 3)}
"""The relations (subject, predicate, object) within depth hops of an entity, each once
(depth is a literal: one query per depth); RELATION_SENTENCES counts their sentences."""

RELATION_SENTENCES = f"""
UNWIND $relations AS rel
MATCH (s:{ENTITY} {{id: rel.subject}})-[r]->(o:{ENTITY} {{id: rel.object}})
WHERE type(r) = rel.predicate
RETURN rel.subject AS subject, rel.predicate AS predicate, rel.object AS object,
       {_SENTENCES} AS sentences"""
"""How many sentences assert each of the given directed relations, all of them (the
counts /relations reports; graph/sentences.py adds a symmetric one's two directions)."""

NODES = f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases"""
"""Entity nodes by id."""


def _paths(hops: int) -> str:
    return f"""
MATCH (a:{ENTITY} {{id: $source}}), (b:{ENTITY} {{id: $target}})
WITH a, b
MATCH p = allShortestPaths((a)-[:{_ALL_PREDICATES}*..{hops}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodes,
       [r IN relationships(p) | [startNode(r).id, type(r), endNode(r).id]] AS edges
LIMIT $limit"""


PATHS = {hops: _paths(hops) for hops in range(1, 7)}
"""Shortest connections between two entities over relation edges (one query per hop
limit): one row per path of edges; RELATION_SENTENCES counts the relations' sentences."""

TOPICS = f"""
MATCH (t:{Label.TOPIC.value})
OPTIONAL MATCH (a:{ENTITY})-[r]->(t)
WITH t, collect(DISTINCT CASE WHEN type(r) IN $support THEN a.id END) AS pro,
     collect(DISTINCT CASE WHEN type(r) IN $oppose THEN a.id END) AS con
WITH t, size(pro) AS supporters, size(con) AS opponents, size(pro) + size(con) AS actors
RETURN t.id AS id, t.name AS name, t.aliases AS aliases, supporters, opponents, actors
ORDER BY actors DESC, name
SKIP $offset LIMIT $limit"""
"""Topics with how many actors support and oppose each, most discussed first."""

TOPICS_AMONG = f"""
MATCH (t:{Label.TOPIC.value})
WHERE t.id IN $ids
OPTIONAL MATCH (a:{ENTITY})-[r]->(t)
WITH t, collect(DISTINCT CASE WHEN type(r) IN $support THEN a.id END) AS pro,
     collect(DISTINCT CASE WHEN type(r) IN $oppose THEN a.id END) AS con
RETURN t.id AS id, t.name AS name, t.aliases AS aliases, size(pro) AS supporters,
       size(con) AS opponents"""
"""The given topics with how many actors support and oppose each (in no order)."""

COUNT_TOPICS = f"MATCH (t:{Label.TOPIC.value}) RETURN count(t) AS total"
"""How many topics there are."""

TIMELINE = f"""
MATCH (e:{ENTITY} {{id: $id}})-[r]->(t:{ENTITY})
WHERE type(r) IN $types
RETURN type(r) AS predicate, {_entity("t")}, r.published AS published,
       r {_EVIDENCE_FIELDS} AS evidence
ORDER BY published, t_id"""
"""An entity's stances in date order, one row per sentence with its evidence as every
answer shows it (undated last on Neo4j, first on FalkorDB: sorted again)."""

TOPIC_PHRASES = f"""
MATCH (:{ENTITY})-[r]->(t:{Label.TOPIC.value} {{id: $topic}})
WHERE r.phrase IS NOT NULL
RETURN r.phrase AS phrase, count(r) AS sentences
ORDER BY sentences DESC, phrase"""
"""The phrases a topic's evidence named it by, with how many sentences used each."""


def _moved(predicate: Predicate) -> str:
    return f"""
CALL {{
  WITH t, n
  MATCH (s:{ENTITY})-[r:{predicate.value}]->(t)
  WHERE r.phrase IN $phrases
  CREATE (s)-[y:{predicate.value}]->(n)
  SET y += properties(r)
  DELETE r
  RETURN count(y) AS moved_{predicate.value.lower()}
}}"""


SPLIT_TOPIC = (
    f"""
MATCH (t:{Label.TOPIC.value} {{id: $topic}})
MERGE (n:{ENTITY} {{id: $new}})
ON CREATE SET n:{Label.TOPIC.value}, n.name = $name, n.aliases = [], n.keys = []
SET n.aliases = n.aliases + [a IN $phrases WHERE NOT a IN n.aliases],
    n.keys = n.keys + [k IN $keys WHERE NOT k IN n.keys],
    t.aliases = [a IN t.aliases WHERE NOT a IN $phrases]
WITH t, n"""
    + "".join(_moved(predicate) for predicate in Predicate)
    + f"""
CALL {{
  WITH n
  MATCH (:{ENTITY})-[y]->(n)
  WITH DISTINCT n, y.article_id AS article
  MATCH (a:{ARTICLE} {{id: article}})
  MERGE (a)-[m:{MENTIONS}]->(n)
  ON CREATE SET m.count = 1
  RETURN count(m) AS linked
}}
CALL {{
  WITH t
  MATCH (a:{ARTICLE})-[m:{MENTIONS}]->(t)
  OPTIONAL MATCH (:{ENTITY})-[e]->(t)
  WHERE e.article_id = a.id
  WITH m, count(e) AS left
  WHERE left = 0
  DELETE m
  RETURN count(*) AS unlinked
}}
RETURN n.id AS id, """
    + " + ".join(f"moved_{p.value.lower()}" for p in Predicate)
    + " AS moved"
)
"""Split a topic: the evidence that named it by the given phrases moves to another topic
(created, or an existing one), with the phrases as its aliases; the articles of that
evidence mention it, and those left with no sentence on the old topic no longer do. One
statement, so a split is whole or not at all."""

# --- export: the whole graph in id-ordered pages ------------------------------------------


def _export_page(label: str) -> str:
    return f"""
MATCH (n:{label})
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
LIMIT $limit"""


EXPORT_NODES = {label: _export_page(label) for label in (ENTITY, ARTICLE, SOURCE)}
"""One page of nodes of a structural label, with every property, after the id $after.

Keyset pages ($after the last id of the page before, '' to start) walk the id index in
order, so each page costs the same however deep the export is (SKIP would rescan)."""

EXPORT_IDS = {
    label: f"""
MATCH (n:{label})
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $limit"""
    for label in (ENTITY, ARTICLE)
}
"""One page of ids (as EXPORT_NODES, without reading the properties: an article's text)."""

EXPORT_EDGES = f"""
UNWIND $ids AS id
MATCH (s:{ENTITY} {{id: id}})-[r]->(o:{ENTITY})
WHERE type(r) IN $types
RETURN s.id AS start, type(r) AS type, o.id AS end, properties(r) AS props"""
"""Every relation edge (one per asserting sentence) of the $types leaving the given entities."""

EXPORT_RELATIONS = f"""
UNWIND $ids AS id
MATCH (s:{ENTITY} {{id: id}})-[r]->(o:{ENTITY})
WHERE type(r) IN $types
WITH s, type(r) AS predicate, o, count(r) AS sentences,
     count(DISTINCT r.article_id) AS articles, collect(DISTINCT r.source) AS outlets,
     collect(r.title) AS titles
RETURN s.id AS subject, predicate, o.id AS object, sentences, articles, outlets,
       [t IN titles WHERE t IS NOT NULL][0] AS title"""
"""The relations of the $types leaving the given entities, one row per (subject, predicate, object):
how many sentences and articles assert it, its outlets, and a held role's title."""

EXPORT_MENTIONS = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})-[m:{MENTIONS}]->(e:{ENTITY})
RETURN a.id AS start, e.id AS end, properties(m) AS props"""
"""The MENTIONS links of the given articles, with their properties."""

EXPORT_PUBLISHED_BY = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})-[p:{PUBLISHED_BY}]->(s:{SOURCE})
RETURN a.id AS start, s.id AS end, properties(p) AS props"""
"""The PUBLISHED_BY links of the given articles."""

EXPORT_ARTICLE_ENTITIES = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})-[m:{MENTIONS}]->(e:{ENTITY})
RETURN a.id AS article, e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases,
       e.keys AS keys, e.wikidata AS wikidata, m.count AS mentions"""
"""The entities each of the given articles mentions, as its fragment lists them."""

EXPORT_ARTICLE_EDGES = f"""
UNWIND $ids AS id
MATCH (a:{ARTICLE} {{id: id}})-[:{MENTIONS}]->(s:{ENTITY})-[r]->(o:{ENTITY})
WHERE r.article_id = id AND type(r) IN $types
RETURN id AS article, s.id AS subject, type(r) AS predicate, o.id AS object,
       properties(r) AS props"""
"""The edges each of the given articles asserted (its evidence): every edge's subject is
an entity its article mentions, so the walk starts there and keeps that article's own."""

CLEAR_GRAPH = "MATCH (n) DETACH DELETE n"
"""Delete every node and relationship (tests, and starting a graph over)."""


def _all_queries() -> dict[str, str]:
    statements: dict[str, str] = {}
    for name, value in dict(globals()).items():
        if not name.isupper() or name.startswith("_"):
            continue
        if isinstance(value, str) and ("MATCH" in value or "RETURN" in value):
            statements[name] = value
        elif isinstance(value, dict):
            statements.update({f"{name}[{key}]": query for key, query in value.items()})
    return statements


ALL_QUERIES = _all_queries()
"""Every statement above by name (the Neo4j lint test reads this)."""
