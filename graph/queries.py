"""Every Cypher string newsgraph sends, shared by both engines.

Values are always `$parameters`. Labels and relationship types appear only
through the ontology's enums (loaders.ontology), interpolated once at import
time, never from text or request input. The subset used runs on Neo4j 5 and
FalkorDB alike (shared/cypher-compat.md); tests lint every string for Neo4j.
"""

from loaders.ontology import (
    ARTICLE,
    DAY,
    ENTITY,
    EVIDENCE,
    GRAPH,
    MENTIONS,
    OPPOSE_ROLLUP,
    PUBLISHED_BY,
    SOURCE,
    SUPPORT_ROLLUP,
    Label,
    Predicate,
)


def _kind(var: str) -> str:
    """The label of an entity node other than the structural `Entity`."""
    return f"[l IN labels({var}) WHERE l <> '{ENTITY}'][0]"


_KIND = _kind("e")


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


# --- claims: one edge per (actor, predicate, target), its sentences apart --------------
#
# A claim edge (s)-[:PREDICATE {id: "s|PREDICATE|o"}]->(o) carries what answers read: how
# many sentences and articles assert it, its outlets, first and last date, how many
# sentences negate it, the rules that read it, its title, and `newest`: the stamps
# ("date|evidence id", undated "0000") of its newest sentences. Each sentence is an
# Evidence node with the claim's key, read only when an answer pages into it. A symmetric
# claim is stored with its ends in id order. Writes keep the claim's aggregates: added by
# a new article, recomputed from the other articles' evidence where one is replaced or
# deleted (CLAIM_TOTALS recomputes them all from scratch, for checking).


def _sorted_union(acc: str, items: str) -> str:
    """The sorted list acc with items inserted in order, each once (no sort() in Cypher)."""
    return (
        f"reduce(acc = {acc}, x IN {items} | CASE WHEN x IN acc THEN acc "
        "ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)"
    )


def _merged_newest(base: str, row: str) -> str:
    """The newest $newest stamps of two lists sorted newest first (no stamp in both)."""
    return f"""reduce(acc = coalesce({base}, []), x IN {row} |
                 ([y IN acc WHERE y > x] + [x] + [y IN acc WHERE y < x])[0..$newest])"""


def _newer_title(base: str, row: str) -> str:
    """The row's title where its newest sentence is newer than the base's, else the base's."""
    return f"""CASE WHEN {row}.title IS NOT NULL
                   AND {row}.newest[0] > coalesce({base}.newest[0], '')
              THEN {row}.title ELSE coalesce({base}.title, {row}.title) END"""


def _updated(pairs: str) -> str:
    """Each {row, base} of pairs as its claim's new properties: the row's aggregates (one
    article's, or a group's) added to the base's (the claim's stored or recomputed ones;
    null: none). Written once, for every predicate's claims."""
    b, r = "p.base", "p.row"
    props = f"""sentences: coalesce({b}.sentences, 0) + {r}.sentences,
  articles: coalesce({b}.articles, 0) + {r}.articles,
  outlets: {_sorted_union(f"coalesce({b}.outlets, [])", f"{r}.outlets")},
  first: CASE WHEN {r}.first IS NULL THEN {b}.first
              WHEN {b}.first IS NULL OR {r}.first < {b}.first THEN {r}.first ELSE {b}.first END,
  last: CASE WHEN {r}.last IS NULL THEN {b}.last
             WHEN {b}.last IS NULL OR {r}.last > {b}.last THEN {r}.last ELSE {b}.last END,
  negated: coalesce({b}.negated, 0) + {r}.negated,
  repeats: coalesce({b}.repeats, 0) + {r}.repeats,
  rules: {_sorted_union(f"coalesce({b}.rules, [])", f"{r}.rules")},
  newest: {_merged_newest(f"{b}.newest", f"{r}.newest")},
  title: {_newer_title(b, r)}"""
    return f"""[p IN {pairs} | {{key: {r}.key, subject: {r}.subject, object: {r}.object,
  predicate: {r}.predicate, props: {{{props}}}}}]"""


def _set_claims(predicate: Predicate) -> str:
    """MERGE each updated claim of one predicate and set its properties; one left with no
    sentence is deleted (a relation gone)."""
    return f"""
FOREACH (row IN [u IN updated WHERE u.predicate = '{predicate.value}'] |
  MERGE (s:{ENTITY} {{id: row.subject}})
  MERGE (o:{ENTITY} {{id: row.object}})
  MERGE (s)-[c:{predicate.value} {{id: row.key}}]->(o)
  SET c += row.props
  FOREACH (_ IN CASE WHEN row.props.sentences = 0 THEN [1] ELSE [] END | DELETE c))"""


_SET_CLAIMS = "".join(_set_claims(predicate) for predicate in Predicate)


# --- a claim's days: its sentences of one date and outlet, counted ------------------------
#
# A ClaimDay node {id: "claim|date|outlet"} holds, for one claim, how many of its sentences
# one outlet published on one date (undated or without an outlet: empty), how many repeat a
# stance, the stamps of the newest and the newest one's title. Timelines and answers
# narrowed to dates or an outlet add up a claim's days instead of counting its sentences.
# The writes keep them as they keep claims: a new article adds to them, a replaced or
# deleted one has its days recomputed over the other articles' evidence.


def _updated_days(pairs: str) -> str:
    """Each {row, base} of pairs as its day's new properties: the row's counts (one
    article's) added to the base's (stored or recomputed; null: none)."""
    b, r = "p.base", "p.row"
    return f"""[p IN {pairs} | {{id: {r}.id, props: {{claim: coalesce({r}.claim, {b}.claim),
  published: coalesce({r}.published, {b}.published), source: coalesce({r}.source, {b}.source),
  sentences: coalesce({b}.sentences, 0) + {r}.sentences,
  repeats: coalesce({b}.repeats, 0) + {r}.repeats,
  newest: {_merged_newest(f"{b}.newest", f"{r}.newest")}, title: {_newer_title(b, r)}}}}}]"""


_SET_DAYS = f"""
FOREACH (row IN days |
  MERGE (day:{DAY} {{id: row.id}})
  ON CREATE SET day.claim = row.props.claim, day.published = row.props.published,
                day.source = row.props.source
  SET day.sentences = row.props.sentences, day.repeats = row.props.repeats,
      day.newest = row.props.newest, day.title = row.props.title
  FOREACH (_ IN CASE WHEN row.props.sentences = 0 THEN [1] ELSE [] END | DELETE day))"""
"""MERGE each updated day and set its counts; one left with no sentence is deleted."""

_NO_DAY = "{id: k, sentences: 0, repeats: 0, newest: [], title: null}"
"""What an article no longer says on the day k: nothing."""

_STORED_DAYS = f"""
UNWIND CASE WHEN size($days) = 0 THEN [null] ELSE $days END AS day
OPTIONAL MATCH (known:{DAY} {{id: day.id}})
WITH a, pairs, [p IN collect({{row: day, base: CASE WHEN known IS NULL THEN null
                                              ELSE properties(known) END}})
                WHERE p.row IS NOT NULL] AS day_pairs"""
"""From `a` and `pairs`: each of the new article's day rows as {row, base}, base the day as
stored (null: a new day)."""


def _retract_days(carry: str) -> str:
    """From stale_days (the days the article's earlier evidence was on) and $days: each such
    day recomputed over the other articles' evidence (day_bases)."""
    return f"""
WITH {carry}, stale_days, stale_days + [r IN $days WHERE NOT r.id IN stale_days | r.id] AS day_keys
UNWIND CASE WHEN size(day_keys) = 0 THEN [null] ELSE day_keys END AS day_key
OPTIONAL MATCH (known:{DAY} {{id: day_key}})
WITH {carry}, stale_days, known
OPTIONAL MATCH (v:{EVIDENCE} {{claim: known.claim}})
WHERE v.article_id <> $id AND coalesce(v.published, '') = coalesce(known.published, '')
  AND coalesce(v.source, '') = coalesce(known.source, '')
WITH {carry}, stale_days, known, v ORDER BY v.stamp DESC
WITH {carry}, stale_days, known, count(v) AS sentences,
     toInteger(sum(CASE WHEN v.repeats THEN 1 ELSE 0 END)) AS repeats,
     collect(v.stamp)[0..$newest] AS newest, collect(v.title)[0] AS title
WITH {carry}, stale_days,
     [b IN collect(CASE WHEN known IS NULL THEN null ELSE {{id: known.id, claim: known.claim,
        published: known.published, source: known.source, sentences: sentences, repeats: repeats,
        newest: newest, title: title}} END) WHERE b IS NOT NULL] AS day_bases"""


def _with_day_bases(rows: str) -> str:
    """Day rows, each as {row, base} with its recomputed base (from day_bases)."""
    return f"[r IN {rows} | {{row: r, base: head([b IN day_bases WHERE b.id = r.id])}}]"


_REPLACED_DAYS = _with_day_bases(
    f"[k IN stale_days WHERE NOT k IN [r IN $days | r.id] | {_NO_DAY}] + $days"
)


def _claim_aggregates(v: str) -> str:
    """Columns sentences..title of the Evidence rows v of one group, newest first."""
    return f"""count({v}) AS sentences, count(DISTINCT {v}.article_id) AS articles,
     collect(DISTINCT {v}.source) AS outlets, min({v}.published) AS first,
     max({v}.published) AS last,
     toInteger(sum(CASE WHEN {v}.negated THEN 1 ELSE 0 END)) AS negated,
     toInteger(sum(CASE WHEN {v}.repeats THEN 1 ELSE 0 END)) AS repeats,
     collect(DISTINCT {v}.rule) AS rules, collect({v}.stamp)[0..$newest] AS newest,
     collect({v}.title)[0] AS title"""


_SORTED_SETS = f"outlets: {_sorted_union('[]', 'outlets')}, rules: {_sorted_union('[]', 'rules')}"
"""A group's outlets and rules, collected in any order, as the sorted lists claims keep."""

_BASE_MAP = (
    "{key: key, sentences: sentences, articles: articles, first: first, last: last, "
    f"negated: negated, repeats: repeats, newest: newest, title: title, {_SORTED_SETS}}}"
)

_NO_CONTRIBUTION = (
    "{key: k, subject: split(k, '|')[0], predicate: split(k, '|')[1], object: split(k, '|')[2], "
    "sentences: 0, articles: 0, outlets: [], first: null, last: null, negated: 0, repeats: 0, "
    "rules: [], newest: [], title: null}"
)


def _retract(carry: str) -> str:
    """From `a`: the article's Evidence nodes (stale, deleted), and, for each claim they or
    $claim_keys name, its aggregates over the other articles' evidence (bases); the days
    they were on (stale_days)."""
    return f"""
OPTIONAL MATCH (old:{EVIDENCE} {{article_id: $id}})
WITH {carry}, collect(old) AS stale, collect(DISTINCT old.claim) AS stale_keys,
     collect(DISTINCT CASE WHEN old IS NULL THEN null ELSE old.claim + '|' +
             coalesce(old.published, '') + '|' + coalesce(old.source, '') END) AS stale_days
FOREACH (v IN stale | DELETE v)
WITH {carry}, size(stale) AS retracted, stale_keys, stale_days,
     stale_keys + [k IN $claim_keys WHERE NOT k IN stale_keys] AS keys
UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
OPTIONAL MATCH (v:{EVIDENCE} {{claim: key}})
WHERE v.article_id <> $id
WITH {carry}, retracted, stale_keys, stale_days, key, v ORDER BY v.stamp DESC
WITH {carry}, retracted, stale_keys, stale_days, key, {_claim_aggregates("v")}
WITH {carry}, retracted, stale_keys, stale_days,
     [b IN collect({_BASE_MAP}) WHERE b.key IS NOT NULL] AS bases"""


def _with_bases(rows: str) -> str:
    """Claim rows, each as {row, base} with its recomputed base (from bases)."""
    return f"[r IN {rows} | {{row: r, base: head([b IN bases WHERE b.key = r.key])}}]"


_STORED_BASES = f"""
UNWIND CASE WHEN size($rows) = 0 THEN [null] ELSE $rows END AS row
OPTIONAL MATCH (s:{ENTITY} {{id: row.subject}})
OPTIONAL MATCH (o:{ENTITY} {{id: row.object}})
OPTIONAL MATCH (s)-[c]->(o)
WHERE c.id = row.key
WITH a, [p IN collect({{row: row, base: CASE WHEN c IS NULL THEN null ELSE properties(c) END}})
         WHERE p.row IS NOT NULL] AS pairs"""
"""From `a`: each of the new article's claim rows as {row, base}, base the claim's stored
properties (null: a new claim). Both ends are found by id first, so the claim is looked
up between them, not among every claim its subject makes."""


_ARTICLE_LINKS = f"""
OPTIONAL MATCH (a)-[m:{MENTIONS}|{PUBLISHED_BY}]->()
WITH a, collect(m) AS links
FOREACH (l IN links | DELETE l)
SET a += $article.props
FOREACH (src IN $sources |
  MERGE (s:{SOURCE} {{id: src.id}})
  ON CREATE SET s.name = src.name
  MERGE (a)-[:{PUBLISHED_BY}]->(s))"""

_NEW_EVIDENCE = f"""
FOREACH (e IN $evidence | CREATE (v:{EVIDENCE}) SET v += e)"""


_TOUCH = f"""
MERGE (g:{GRAPH} {{id: 'graph'}})
SET g.generation = $generation"""
"""Give the graph a new generation ($generation, unique per write), after a WITH that
leaves one row: whatever a reader derived from an older one (the names it resolves
against) it reads again."""


def _fragment_write(bases: str, rows: str, day_rows: str) -> str:
    """An article's write: its node, the claims' and days' bases read (bases), their
    updated aggregates from rows and day_rows, then links, entities, evidence, claims and
    days."""
    return (
        f"""
MERGE (a:{ARTICLE} {{id: $id}})
WITH a"""
        + bases
        + f"\nWITH a, {_updated(rows)} AS updated, {_updated_days(day_rows)} AS days"
        + _ARTICLE_LINKS.replace("WITH a,", "WITH a, updated, days,")
        + "".join(_merge_entities(label) for label in Label)
        + _NEW_EVIDENCE
        + _SET_CLAIMS
        + _SET_DAYS
        + "\nWITH a"
        + _TOUCH
        + "\nRETURN a.id AS id"
    )


WRITE_FRAGMENT = _fragment_write(_STORED_BASES + _STORED_DAYS, "pairs", "day_pairs")
"""Write a new article's fragment in one statement (one transaction on both engines).

Steps: read the claims it asserts as stored, and add its sentences to their aggregates
(constant work per claim, however many sentences the claim already has); set the
article's properties, its source and its MENTIONS links; MERGE each entity (by id, label
set on create, aliases accumulated up to $max_names, so a topic written a thousand ways
stays a small node); CREATE an Evidence node per asserting sentence; MERGE each claim
and set its aggregates; add its sentences to their days likewise; give the graph a new
generation."""

_REPLACED_ROWS = f"[k IN stale_keys WHERE NOT k IN $claim_keys | {_NO_CONTRIBUTION}] + $rows"

REPLACE_FRAGMENT = _fragment_write(
    _retract("a") + _retract_days("a, retracted, stale_keys, bases"),
    _with_bases(_REPLACED_ROWS),
    _REPLACED_DAYS,
)
"""Write a changed article's fragment in one statement, replacing its earlier version.

Steps: delete the Evidence nodes the earlier version wrote and recompute, over the other
articles' evidence, every claim and day they or the new version name (so their aggregates
are what their remaining sentences say); then write as WRITE_FRAGMENT does, each claim set to
its recomputed base plus the new version's sentences, and deleted if none is left."""

ARTICLE_MENTIONS = f"""
MATCH (:{ARTICLE} {{id: $id}})-[:{MENTIONS}]->(e:{ENTITY})
RETURN e.id AS id"""
"""The ids of the entities an article mentions."""


def _support(e: str) -> str:
    """What else entity e stands on than article $id: the other articles mentioning it (an
    article's evidence only joins entities it mentions); none is what it alone supported."""
    return f"size([(b:{ARTICLE})-[:{MENTIONS}]->({e}) WHERE b.id <> $id | b])"


DELETE_ORPHANS = (
    f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
WITH e, {_support("e")} AS support
WHERE support = 0
DETACH DELETE e
WITH count(*) AS deleted
WHERE deleted > 0"""
    + _TOUCH
)
"""Delete those of the given entities that stood on article $id alone (after its changed
version dropped them), and give the graph a new generation if any was."""

DELETE_ARTICLE = (
    f"""
MATCH (a:{ARTICLE} {{id: $id}})
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
  RETURN collect(src) AS lone_outlets
}}
WITH a, orphans, lone_outlets"""
    + _retract("a, orphans, lone_outlets")
    + _retract_days("a, orphans, lone_outlets, retracted, stale_keys, bases")
    + f"""
WITH a, orphans, lone_outlets, retracted, bases,
     {_updated(_with_bases(f"[k IN stale_keys | {_NO_CONTRIBUTION}]"))} AS updated,
     {_updated_days(_with_day_bases(f"[k IN stale_days | {_NO_DAY}]"))} AS days"""
    + _SET_CLAIMS
    + _SET_DAYS
    + """
WITH a, orphans, lone_outlets, retracted, size([b IN bases WHERE b.sentences = 0]) AS relations,
     [e IN orphans | e.id] AS entities
FOREACH (e IN orphans | DETACH DELETE e)
FOREACH (src IN lone_outlets | DETACH DELETE src)
DETACH DELETE a
WITH retracted, relations, entities"""
    + _TOUCH
    + """
RETURN $id AS id, retracted AS evidence, relations, entities"""
)
"""Delete an article and every fact only it supported, in one statement (one transaction
on both engines: all of it or nothing).

Steps, decided on the graph as it was before anything is deleted (FalkorDB may not see
within a statement what the statement changed): the entities it mentions that no other
article mentions; its outlet if no other article has it; its Evidence nodes, and each of
their claims and days recomputed over the other articles' evidence. Then delete the
evidence, set each claim and day to what remains (deleting those left with none: the
relations that vanish), delete the orphans, the outlet and the article; give the graph a
new generation. No row: no such article."""

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

COUNTS = {
    "nodes": "MATCH (n) RETURN count(n) AS n",
    "relationships": "MATCH ()-[r]->() RETURN count(r) AS n",
    "articles": f"MATCH (n:{ARTICLE}) RETURN count(n) AS n",
    "entities": f"MATCH (n:{ENTITY}) RETURN count(n) AS n",
    "evidence": f"MATCH (n:{EVIDENCE}) RETURN count(n) AS n",
    "mentions": f"MATCH ()-[r:{MENTIONS}]->() RETURN count(r) AS n",
    "published_by": f"MATCH ()-[r:{PUBLISHED_BY}]->() RETURN count(r) AS n",
    "graph": f"MATCH (n:{GRAPH}) RETURN count(n) AS n",
}
"""The graph's sizes, one statement each: counts of a label or a type, which both engines
answer from their own statistics in constant time. Relations are the claim edges (every
relationship but MENTIONS and PUBLISHED_BY), evidence the Evidence nodes; nodes leave out
the one Graph node."""

GENERATION = f"""
MATCH (g:{GRAPH} {{id: 'graph'}})
RETURN g.generation AS generation"""
"""The graph's generation (no row: never written): it changes with every write, so what
was derived from the graph (the names requests resolve against) is read again only then."""

FALKORDB_STATS = "CALL db.meta.stats()"
"""FalkorDB only: the same counts in one statement (nodes and relationships in all, per
label and per type), from the engine's statistics. Neo4j has no such procedure without
APOC and reads COUNTS; the Neo4j lint skips FALKORDB_ statements."""

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

TOPIC_BACKERS = f"""
MATCH (a:{ENTITY})-[:{"|".join(t.value for t in SUPPORT_ROLLUP)}]->(t:{Label.TOPIC.value})
RETURN t.id AS topic, collect(DISTINCT a.id) AS backers"""
"""Who backs each topic (SUPPORTS, DEMANDS, PROPOSES): "EU duties on Chinese EVs" may be
answered by "tariffs on Chinese electric cars" where the EU backs them (graph/topic_index.py)."""

# --- the analyst's reads ---------------------------------------------------------------

_ALL_PREDICATES = "|".join(p.value for p in Predicate)


def _entity(var: str) -> str:
    """Columns var_id, var_name, var_label, var_aliases of an entity node."""
    return (
        f"{var}.id AS {var}_id, {var}.name AS {var}_name, "
        f"{_kind(var)} AS {var}_label, {var}.aliases AS {var}_aliases"
    )


# An evidence as every answer shows it: the sentence, where and when, its speaker (an
# entity id; graph/sentences.py adds the name), and its stamp (the cursor of a page).
_EVIDENCE_FIELDS = "{.article_id, .sentence, .start, .published, .source, .speaker, .rule, .stamp}"


def _within(var: str) -> str:
    """Whether var (an Evidence or a ClaimDay) is within the dates and outlet asked."""
    return f"""(($since IS NULL OR {var}.published >= $since)
  AND ($until IS NULL OR {var}.published <= $until)
  AND ($source IS NULL OR toLower({var}.source) = toLower($source)))"""


EVIDENCE_BY_ID = f"""
MATCH (v:{EVIDENCE})
WHERE v.id IN $ids
RETURN v {_EVIDENCE_FIELDS} AS evidence"""
"""Evidence nodes by id (the ones a claim's `newest` names): a first page, in constant time."""

EVIDENCE_PAGE = f"""
MATCH (v:{EVIDENCE})
WHERE v.claim IN $claims AND v.stamp < $before AND {_within("v")}
WITH v ORDER BY v.stamp DESC
LIMIT $limit
RETURN v {_EVIDENCE_FIELDS} AS evidence"""
"""One page of the sentences asserting any of $claims, newest first, older than the stamp
$before (the cursor a page before ended on), within the dates and outlet asked."""


def _page(carry: str, stamps: str) -> str:
    """`shown`: the Evidence of the newest $evidence of the stamps (a list over carry),
    found one by one by id (an index seek each) in the same statement."""
    return f"""
CALL {{
  WITH {carry}
  UNWIND {stamps} AS stamp
  WITH stamp ORDER BY stamp DESC LIMIT $evidence
  WITH split(stamp, '|')[1] AS shown_id
  MATCH (v:{EVIDENCE} {{id: shown_id}})
  RETURN collect(v {_EVIDENCE_FIELDS}) AS shown
}}"""


def _claim_rows(ends: str) -> str:
    """Rows of claims c between s and o: their ends, sentences and newest stamps (the page
    is read by id after: reading it here, each claim's own, cost more than it saved)."""
    return f"""
RETURN {ends}, type(c) AS predicate, c.id AS claim, c.sentences AS sentences,
       c.sentences - coalesce(c.repeats, 0) AS distinct, c.outlets AS outlets,
       c.newest[0..$evidence] AS newest, c.title AS title"""


def _day_rows(ends: str, group: str) -> str:
    """Rows as _claim_rows's, added up over the days of claims c within the dates and
    outlet asked (the claims' aggregates cover all dates): the newest $evidence stamps
    are among the days' newest."""
    return f"""
WITH {group}, c
MATCH (d:{DAY} {{claim: c.id}})
WHERE {_within("d")}
WITH {group}, c, d ORDER BY d.published DESC
WITH {group}, c, toInteger(sum(d.sentences)) AS sentences, collect(DISTINCT d.source) AS outlets,
     toInteger(sum(d.repeats)) AS repeats, collect(d.newest[0..$evidence]) AS pages,
     collect(d.title)[0] AS title
WITH {group}, c, sentences, outlets, repeats, title,
     reduce(acc = [], p IN pages | acc + p) AS newest{_page("newest", "newest")}
RETURN {ends}, type(c) AS predicate, c.id AS claim, sentences, sentences - repeats AS distinct,
       outlets, newest, title, shown"""


def _stances(types: tuple[Predicate, ...], *, dated: bool) -> str:
    match = f"""
MATCH (t:{ENTITY})
WHERE t.id IN $targets
MATCH (a:{ENTITY})-[c:{"|".join(t.value for t in types)}]->(t)"""
    ends = _entity("a")
    return match + (_day_rows(ends, "a") if dated else _claim_rows(ends))


SUPPORTERS = {dated: _stances(SUPPORT_ROLLUP, dated=dated) for dated in (False, True)}
"""Claims of support (SUPPORTS, DEMANDS, PROPOSES) for any of $targets, one row per claim
(graph/analysis.py gathers an actor's). Steps: the target nodes by id (index), their
incoming claim edges; [False] reads the claims' own aggregates, [True] adds up their days
within the dates and outlet asked."""

OPPONENTS = {dated: _stances(OPPOSE_ROLLUP, dated=dated) for dated in (False, True)}
"""Claims opposing any of $targets (as SUPPORTERS)."""

_RELATION_ENDS = f"{_entity('s')}, {_entity('o')}"
_RELATION_ORDER = """
ORDER BY sentences DESC, s_id, predicate, o_id
LIMIT $limit"""


def _relation_match(anchor: str, subjects: str, objects: str, types: str) -> str:
    """Claims c from s to o, the match anchored on the ends given (the parameters named:
    a symmetric claim's other way round names them exchanged)."""
    return {
        "subject": f"""
MATCH (s:{ENTITY})
WHERE s.id IN ${subjects}
MATCH (s)-[c]->(o:{ENTITY})
WHERE (${objects} IS NULL OR o.id IN ${objects}) AND type(c) IN ${types}""",
        "object": f"""
MATCH (o:{ENTITY})
WHERE o.id IN ${objects}
MATCH (s:{ENTITY})-[c]->(o)
WHERE type(c) IN ${types}""",
        "any": f"""
MATCH (s:{ENTITY})-[c]->(o:{ENTITY})
WHERE type(c) IN ${types}""",
    }[anchor]


def _relations(anchor: str, *, dated: bool, reverse: bool = False) -> str:
    """One part of RELATIONS: its claim rows, each saying whether it was found the other
    way round (`reversed`: $objects as subjects, $subjects as objects, $symmetric types)."""
    names = ("objects", "subjects", "symmetric") if reverse else ("subjects", "objects", "types")
    rows = _day_rows(_RELATION_ENDS, "s, o") if dated else _claim_rows(_RELATION_ENDS)
    flag = "true" if reverse else "false"
    return _relation_match(anchor, *names) + rows + f", {flag} AS reversed" + _RELATION_ORDER


_ANCHORS = ("subject", "object", "any")

RELATIONS = {
    (anchor, dated): _relations(anchor, dated=dated)
    for anchor in _ANCHORS
    for dated in (False, True)
}
"""Claims filtered by ends and types, one row per (subject, predicate, object), most
asserted first; [False] from the claims' aggregates, [True] from their days within the
dates.

One variant per anchor, so the engine starts from the indexed ids it is given:
"subject" (subjects given, objects maybe), "object" (objects only), "any"."""

RELATIONS_BOTH_WAYS = {
    (forward, backward, dated): _relations(forward, dated=dated)
    + "\nUNION ALL"
    + _relations(backward, dated=dated, reverse=True)
    for forward in _ANCHORS[:2]
    for backward in _ANCHORS[:2]
    for dated in (False, True)
}
"""RELATIONS, and in the same statement the claims of the $symmetric types found the other
way round (`reversed`), each part anchored on the ends it is given: keyed (the anchor of
the ends as asked, the anchor of the ends exchanged, dated)."""

NEIGHBOURS = f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
MATCH (e)-[c:{_ALL_PREDICATES}]-(n:{ENTITY})
WITH DISTINCT startNode(c).id AS subject, type(c) AS predicate, endNode(c).id AS object,
     c.sentences AS sentences
RETURN subject, predicate, object, sentences
ORDER BY sentences DESC, subject, predicate, object
LIMIT $limit"""
"""The claims touching any of the given entities (one hop of a neighbourhood), each with
its sentences, the most asserted first (a total order, so pages agree); at most $limit."""

NODES = f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, {_KIND} AS label, e.aliases AS aliases"""
"""Entity nodes by id."""

NODE_NAMES = f"""
MATCH (e:{ENTITY})
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, {_KIND} AS label"""
"""Entity nodes by id as drawn: no aliases (a topic may have a hundred)."""


def _paths(hops: int) -> str:
    return f"""
MATCH (a:{ENTITY} {{id: $source}}), (b:{ENTITY} {{id: $target}})
WITH a, b
MATCH p = allShortestPaths((a)-[:{_ALL_PREDICATES}*..{hops}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodes,
       [r IN relationships(p) | [startNode(r).id, type(r), endNode(r).id]] AS edges,
       [r IN relationships(p) | r.sentences] AS sentences
LIMIT $limit"""


PATHS = {hops: _paths(hops) for hops in range(1, 7)}
"""Shortest connections between two entities over claim edges (one per relation, however
many sentences assert it; one query per hop limit): one row per path, with each claim's
sentences."""

TOPICS = f"""
MATCH (t:{Label.TOPIC.value})
OPTIONAL MATCH (a:{ENTITY})-[r]->(t)
WITH t, collect(DISTINCT CASE WHEN type(r) IN $support THEN a.id END) AS pro,
     collect(DISTINCT CASE WHEN type(r) IN $oppose THEN a.id END) AS con
WITH t, size(pro) AS supporters, size(con) AS opponents, size(pro) + size(con) AS actors
RETURN t.id AS id, t.name AS name, t.aliases AS aliases, supporters, opponents, actors
ORDER BY actors DESC, name
SKIP $offset LIMIT $limit"""
"""Topics with how many actors support and oppose each (one claim edge per actor and
predicate), most discussed first."""

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
MATCH (e:{ENTITY} {{id: $id}})-[c]->(t:{ENTITY})
WHERE type(c) IN $types
WITH c, t
MATCH (d:{DAY} {{claim: c.id}})
WITH c, t, d.published AS published, toInteger(sum(d.sentences)) AS sentences,
     collect(d.newest[0..$evidence]) AS pages
WITH c, t, published, sentences, reduce(acc = [], p IN pages | acc + p) AS newest
{_page("newest", "newest")}
RETURN type(c) AS predicate, c.id AS claim, {_entity("t")}, published, sentences, newest,
       shown"""
"""An entity's claims per date, added up over the date's outlets (its claims' days): one
row each with its sentences, the stamps of its days' newest $evidence, and the Evidence of
the newest $evidence of those."""

TOPIC_PHRASES = f"""
MATCH (:{ENTITY})-[c]->(t:{Label.TOPIC.value} {{id: $topic}})
WITH c
MATCH (v:{EVIDENCE} {{claim: c.id}})
WHERE v.phrase IS NOT NULL
RETURN v.phrase AS phrase, count(v) AS sentences
ORDER BY sentences DESC, phrase"""
"""The phrases a topic's evidence named it by, with how many sentences used each (the WITH
lets FalkorDB find each claim's evidence by its index rather than scan the label)."""

_UNBASED = "{row: r, base: null}"

_SPLIT_DAYS = f"""CALL {{
  WITH t
  MATCH (s:{ENTITY})-[c]->(t)
  WITH s, c
  MATCH (v:{EVIDENCE} {{claim: c.id}})
  WITH v, v.phrase IN $phrases AS moves,
       CASE WHEN v.phrase IN $phrases THEN s.id + '|' + type(c) + '|' + $new ELSE c.id END AS claim
  ORDER BY v.stamp DESC
  WITH claim, moves, v.published AS published, v.source AS source, count(v) AS sentences,
       toInteger(sum(CASE WHEN v.repeats THEN 1 ELSE 0 END)) AS repeats,
       collect(v.stamp)[0..$newest] AS newest, collect(v.title)[0] AS title
  RETURN collect({{id: claim + '|' + coalesce(published, '') + '|' + coalesce(source, ''),
                  claim: claim, moves: moves, published: published, source: source,
                  sentences: sentences, repeats: repeats, newest: newest, title: title}}) AS rows
}}
CALL {{
  WITH t
  MATCH (:{ENTITY})-[c]->(t)
  WITH c
  MATCH (old:{DAY} {{claim: c.id}})
  RETURN collect(old) AS old_days
}}
UNWIND CASE WHEN size(rows) = 0 THEN [null] ELSE rows END AS day
OPTIONAL MATCH (known:{DAY} {{id: day.id}})
WHERE day.moves
WITH t, old_days, [p IN collect({{row: day, base: CASE WHEN known IS NULL THEN null
                   ELSE properties(known) END}}) WHERE p.row IS NOT NULL] AS day_pairs
WITH t, {_updated_days("day_pairs")} AS days,
     [x IN old_days WHERE NOT x.id IN [p IN day_pairs | p.row.id]] AS emptied_days"""
"""From `t`: the topic's days after a split, decided before anything changes: its evidence
grouped by the claim it will assert, date and outlet; a moved group added to the day of the
new topic's claim as stored (if it was); the topic's days no group keeps (emptied_days)."""

SPLIT_TOPIC = (
    f"""
MATCH (t:{Label.TOPIC.value} {{id: $topic}})
{_SPLIT_DAYS}
MERGE (n:{ENTITY} {{id: $new}})
ON CREATE SET n:{Label.TOPIC.value}, n.name = $name, n.aliases = [], n.keys = []
SET n.aliases = n.aliases + [a IN $phrases WHERE NOT a IN n.aliases],
    n.keys = n.keys + [k IN $keys WHERE NOT k IN n.keys],
    t.aliases = [a IN t.aliases WHERE NOT a IN $phrases]
WITH t, n, days, emptied_days
MATCH (s:{ENTITY})-[c]->(t)
WITH t, n, days, emptied_days, s, c
MATCH (v:{EVIDENCE} {{claim: c.id}})
WITH t, n, days, emptied_days, s, c, v, v.phrase IN $phrases AS moves ORDER BY v.stamp DESC
WITH t, n, days, emptied_days, s, c, moves, collect(v) AS group,
     collect(DISTINCT v.article_id) AS group_articles,
     {_claim_aggregates("v")}
WITH t, n, days, emptied_days,
     collect({{key: c.id, moves: moves, group: group, articles: group_articles,
     row: {{key: CASE WHEN moves THEN s.id + '|' + type(c) + '|' + $new ELSE c.id END,
           subject: s.id, predicate: type(c), object: CASE WHEN moves THEN $new ELSE t.id END,
           sentences: sentences, articles: articles, first: first, last: last,
           negated: negated, repeats: repeats, newest: newest, title: title,
           {_SORTED_SETS}}}}}) AS groups
WITH t, n, days, emptied_days, [g IN groups WHERE g.moves | g.row] AS moved,
     [g IN groups WHERE NOT g.moves | g.row] AS kept, [g IN groups WHERE g.moves] AS moving,
     reduce(a = [], g IN groups | a + CASE WHEN g.moves THEN g.articles ELSE [] END) AS to_new,
     reduce(a = [], g IN groups | a + CASE WHEN g.moves THEN [] ELSE g.articles END) AS to_old
FOREACH (g IN moving | FOREACH (v IN g.group | SET v.claim = g.row.key, v.object = $new))
WITH t, n, days, emptied_days, moved, kept, to_new, to_old,
     [g IN moving WHERE NOT g.key IN [r IN kept | r.key] | g.key] AS emptied
UNWIND CASE WHEN size(moved) = 0 THEN [null] ELSE moved END AS m
OPTIONAL MATCH (:{ENTITY} {{id: m.subject}})-[x]->(n)
WHERE x.id = m.key
WITH t, n, days, emptied_days, moved, kept, to_new, to_old, emptied,
     [p IN collect({{row: m, base: CASE WHEN x IS NULL THEN null ELSE properties(x) END}})
      WHERE p.row IS NOT NULL] AS pairs
WITH t, n, days, emptied_days, moved, to_new, to_old,
     {_updated(f"pairs + [r IN kept + [k IN emptied | {_NO_CONTRIBUTION}] | {_UNBASED}]")}
     AS updated"""
    + _SET_CLAIMS
    + """
FOREACH (x IN emptied_days | DELETE x)"""
    + _SET_DAYS
    + f"""
WITH t, n, moved, to_new, to_old
OPTIONAL MATCH (a:{ARTICLE})
WHERE a.id IN to_new
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [a] END |
  MERGE (x)-[m:{MENTIONS}]->(n)
  ON CREATE SET m.count = 1)
WITH DISTINCT t, n, moved, to_new, to_old
OPTIONAL MATCH (b:{ARTICLE})-[m:{MENTIONS}]->(t)
WHERE b.id IN to_new AND NOT b.id IN to_old
FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | DELETE x)
WITH DISTINCT n, moved"""
    + _TOUCH
    + """
RETURN n.id AS id, reduce(k = 0, r IN moved | k + r.sentences) AS moved"""
)
"""Split a topic: the evidence that named it by the given phrases moves to another topic
(created, or an existing one), with the phrases as its aliases. One statement, so a split
is whole or not at all. Steps, decided on the graph before anything changes: group the
topic's evidence per claim and whether it moves, with each group's aggregates; re-key the
moving Evidence to its new claim; add each moved group to its claim on the new topic (as
stored there, if it was), set each claim on the old topic to its kept group, delete those
with nothing kept; the
moved evidence's articles mention the new topic, and those left with no sentence on the
old one no longer mention it; the graph gets a new generation."""

# --- export: the whole graph in id-ordered pages ------------------------------------------


def _export_page(label: str) -> str:
    return f"""
MATCH (n:{label})
WHERE n.id > $after
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
LIMIT $limit"""


EXPORT_NODES = {label: _export_page(label) for label in (ENTITY, ARTICLE, SOURCE, EVIDENCE, DAY)}
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
MATCH (s:{ENTITY} {{id: id}})-[c]->(o:{ENTITY})
WHERE type(c) IN $types
RETURN s.id AS start, type(c) AS type, o.id AS end, properties(c) AS props"""
"""Every claim edge of the $types leaving the given entities, with its aggregates."""

EXPORT_RELATIONS = f"""
UNWIND $ids AS id
MATCH (s:{ENTITY} {{id: id}})-[c]->(o:{ENTITY})
WHERE type(c) IN $types
RETURN s.id AS subject, type(c) AS predicate, o.id AS object, c.sentences AS sentences,
       c.articles AS articles, c.outlets AS outlets, c.title AS title"""
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
MATCH (v:{EVIDENCE} {{article_id: id}})
WHERE v.predicate IN $types
RETURN id AS article, v.subject AS subject, v.predicate AS predicate, v.object AS object,
       properties(v) AS props"""
"""The Evidence each of the given articles asserted (found by its article id)."""

STORED_CLAIMS = f"""
MATCH (s:{ENTITY})-[c]->(o:{ENTITY})
WHERE type(c) IN $types
RETURN c.id AS key, s.id + '|' + type(c) + '|' + o.id AS ends, c.sentences AS sentences,
       c.articles AS articles, c.outlets AS outlets, c.first AS first, c.last AS last,
       c.negated AS negated, c.repeats AS repeats, c.rules AS rules, c.newest AS newest,
       c.title AS title"""
"""Every claim edge with its aggregates as the writes kept them."""

CLAIM_TOTALS = f"""
MATCH (v:{EVIDENCE})
WITH v ORDER BY v.stamp DESC
WITH v.claim AS key, {_claim_aggregates("v")}
RETURN key, key AS ends, sentences, articles, {_sorted_union("[]", "outlets")} AS outlets,
       first, last, negated, repeats, {_sorted_union("[]", "rules")} AS rules, newest, title"""
"""Every claim's aggregates recomputed from scratch over all the Evidence nodes: what the
stored ones must equal (a check; it reads every sentence)."""

STORED_DAYS = f"""
MATCH (d:{DAY})
RETURN d.id AS key, d.claim AS claim, d.published AS published, d.source AS source,
       d.sentences AS sentences, d.repeats AS repeats, d.newest AS newest, d.title AS title"""
"""Every claim's days with their counts as the writes kept them."""

DAY_TOTALS = f"""
MATCH (v:{EVIDENCE})
WITH v ORDER BY v.stamp DESC
WITH v.claim AS claim, v.published AS published, v.source AS source, count(v) AS sentences,
     toInteger(sum(CASE WHEN v.repeats THEN 1 ELSE 0 END)) AS repeats,
     collect(v.stamp)[0..$newest] AS newest, collect(v.title)[0] AS title
RETURN claim + '|' + coalesce(published, '') + '|' + coalesce(source, '') AS key, claim,
       published, source, sentences, repeats, newest, title"""
"""Every claim's days recomputed from scratch over all the Evidence nodes: what the stored
ones must equal (a check; it reads every sentence)."""

DAYS_MISSING = f"""
OPTIONAL MATCH (v:{EVIDENCE}) WITH v LIMIT 1
OPTIONAL MATCH (d:{DAY}) WITH v, d LIMIT 1
RETURN v IS NOT NULL AND d IS NULL AS missing"""
"""Whether the graph has sentences but no claim days: written before claims kept them."""

SET_DAYS = f"""
WITH $days AS days
{_SET_DAYS}
RETURN size(days) AS days"""
"""Write claim days as given (rows {id, props}), for a graph that has none yet."""

CLEAR_GRAPH = "MATCH (n) DETACH DELETE n"
"""Delete every node and relationship (tests, and starting a graph over)."""


def _all_queries() -> dict[str, str]:
    statements: dict[str, str] = {}
    for name, value in dict(globals()).items():
        if not name.isupper() or name.startswith(("_", "FALKORDB_")):
            continue
        if isinstance(value, str) and ("MATCH" in value or "RETURN" in value):
            statements[name] = value
        elif isinstance(value, dict):
            statements.update({f"{name}[{key}]": query for key, query in value.items()})
    return statements


ALL_QUERIES = _all_queries()
"""Every statement above by name (the Neo4j lint test reads this)."""
