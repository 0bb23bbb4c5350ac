"""The graph's closed vocabulary (shared/ontology.md, v1).

Labels and relationship types cannot be query parameters, so Cypher may only
ever name them through these enums: nothing read from text or a request can
become a label or a type.
"""

from enum import StrEnum


class Label(StrEnum):
    """Entity node labels."""

    PERSON = "Person"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    GROUP = "Group"
    AGREEMENT = "Agreement"
    EVENT = "Event"
    PLACE = "Place"
    TOPIC = "Topic"


class Predicate(StrEnum):
    """Relationship types between entities; direction is always actor -> target."""

    SUPPORTS = "SUPPORTS"
    OPPOSES = "OPPOSES"
    DEMANDS = "DEMANDS"
    PROPOSES = "PROPOSES"
    CRITICIZES = "CRITICIZES"
    ACCUSES = "ACCUSES"
    MEETS = "MEETS"
    HOLDS_ROLE = "HOLDS_ROLE"
    MEMBER_OF = "MEMBER_OF"


# Structural labels and types, fixed by the schema rather than by text.
ENTITY = "Entity"  # every entity node carries it: one id space, one uniqueness constraint
ARTICLE = "Article"
SOURCE = "Source"
EVIDENCE = "Evidence"  # one sentence asserting a claim; claims are the typed entity edges
DAY = "ClaimDay"  # a claim's sentences of one date and outlet, counted: what dated answers read
MENTIONS = "MENTIONS"  # Article -> Entity
PUBLISHED_BY = "PUBLISHED_BY"  # Article -> Source
GRAPH = "Graph"  # the one node saying which version of the graph this is (its generation)

SUPPORT_ROLLUP = (Predicate.SUPPORTS, Predicate.DEMANDS, Predicate.PROPOSES)
OPPOSE_ROLLUP = (Predicate.OPPOSES,)
SYMMETRIC = frozenset({Predicate.MEETS})
