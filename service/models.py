"""API response schemas (the graph's records, wrapped for pagination and health)."""

import re
from typing import Any, Literal

from fastapi import Response
from pydantic import BaseModel, Field, field_validator

from graph.records import (
    ArticleSummary,
    Candidate,
    EntityRef,
    EntitySummary,
    EvidencePublic,
    GraphCounts,
    GraphEdge,
    GraphNode,
    PathRecord,
    RelationRecord,
    StanceActor,
    TimelineEntry,
    TopicRef,
    TopicSummary,
)
from loaders.fragment import GraphFragment

PLAIN = r"^[^\x00-\x1f\x7f]*$"  # no control characters
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


class Health(BaseModel):
    """Whether the graph engine answers, and how big the graph is."""

    status: str = Field(examples=["ok"])
    engine: str = Field(examples=["falkordb"])
    location: str = Field(examples=["/home/analyst/.local/share/newsgraph/newsgraph.db"])
    reachable: bool
    counts: GraphCounts | None = None


class EntitiesPublic(BaseModel):
    """One page of entities."""

    data: list[EntitySummary]
    count: int = Field(description="entities matching the query, over all pages")
    limit: int
    offset: int


class ArticlesPublic(BaseModel):
    """One page of articles."""

    data: list[ArticleSummary]
    count: int = Field(description="articles in the graph")
    limit: int
    offset: int


class Problem(BaseModel):
    """An error response (RFC 9457 problem details)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


def problem_response(description: str, **members: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI response entry for a problem-details body, with the given extra members
    (JSON schemas written out in place: a $ref would not resolve inside a response)."""
    schema = Problem.model_json_schema()
    schema["additionalProperties"] = True  # 422 adds the list of invalid fields
    schema["properties"] |= members
    return {"description": description, "content": {"application/problem+json": {"schema": schema}}}


_CANDIDATES = {"type": "array", "items": Candidate.model_json_schema()}


PROBLEMS: dict[int | str, dict[str, Any]] = {
    404: problem_response("no such resource"),
    405: problem_response("method not allowed"),
    422: problem_response("invalid parameters or body"),
    500: problem_response("the graph database could not answer"),
    503: problem_response("the graph database is not reachable (see Retry-After)"),
    504: problem_response("the query ran past its time limit"),
}
"""Problems any route may answer with."""

WRITE_PROBLEMS: dict[int | str, dict[str, Any]] = {
    **PROBLEMS,
    401: problem_response("no X-API-Key header"),
    403: problem_response("wrong key, or writes disabled"),
}
"""Problems of a route that writes (it needs the API key)."""

NAMED: dict[int | str, dict[str, Any]] = {
    **PROBLEMS,
    404: problem_response(
        "nothing has that id or name; `suggestions` lists entities named much like it",
        suggestions=_CANDIDATES,
    ),
    409: problem_response(
        "the name fits several entities (a shared surname); `candidates` lists them: ask "
        "again by id or by a fuller name",
        candidates=_CANDIDATES,
    ),
}
NAMED[409]["content"]["application/problem+json"]["schema"]["required"].append("candidates")
"""Problems of a route that looks entities up by name (graph/names.py)."""


class EvidencePagePublic(BaseModel):
    """One page of a relation's (or a stance's) sentences, newest first."""

    evidence: list[EvidencePublic]
    next: str | None = Field(None, description="cursor of the page after; null: the last")


class StancesPublic(BaseModel):
    """Who takes the asked stance on a topic."""

    topic: TopicRef = Field(description="the topic the words were resolved to")
    matched_topics: list[TopicRef] = Field(description="every topic the words match, best first")
    stance: Literal["support", "oppose"]
    actors: list[StanceActor]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "topic": {"id": "topic-guarantee-russia-security", "name": "security guarantees for Russia", "aliases": []},  # noqa: E501
                    "matched_topics": [],
                    "stance": "support",
                    "actors": [
                        {"id": "viktor-orban", "name": "Viktor Orbán", "label": "Person", "aliases": ["Orban"],  # noqa: E501
                         "predicates": ["SUPPORTS"], "outlets": 1,
                         "evidence": [{"article_id": "art-9315a3a679d7a451", "sentence": "...", "published": "2022-02-02",  # noqa: E501
                                       "source": "RT", "speaker": "viktor-orban", "speaker_name": "Viktor Orbán"}]}  # noqa: E501
                    ],
                }
            ]
        }
    }  # fmt: skip


class RelationsPublic(BaseModel):
    """Relations matching the filters, each with its evidence."""

    relations: list[RelationRecord]


class NeighbourhoodPublic(BaseModel):
    """Nodes and edges around an entity, for drawing."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    next_offset: int | None = Field(
        None,
        description="more edges lie within the depth: ask again with this offset; null when "
        "this page ends the neighbourhood",
    )


class PathsPublic(BaseModel):
    """Shortest connections between two entities."""

    paths: list[PathRecord]


class TopicsPublic(BaseModel):
    """One page of topics with actor counts per stance."""

    data: list[TopicSummary]
    count: int
    limit: int
    offset: int


class TimelinePublic(BaseModel):
    """An entity's stances by date."""

    entity: EntityRef
    entries: list[TimelineEntry]


class ArticleCreate(BaseModel):
    """An article to ingest over REST."""

    model_config = {
        "extra": "forbid",
        "json_schema_extra": {
            "examples": [
                {
                    "text": "Hungarian Prime Minister Viktor Orbán met Vladimir Putin in Moscow.",
                    "title": "Orbán meets Putin",
                    "url": "https://example.org/orban-putin",
                    "published": "2022-02-01",
                    "source": "Example News",
                }
            ]
        },
    }

    text: str = Field(min_length=1, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$")
    title: str | None = Field(None, max_length=1000, pattern=PLAIN)
    url: str | None = Field(None, max_length=2000, pattern=PLAIN)
    published: str | None = Field(None, max_length=64, pattern=PLAIN)
    source: str | None = Field(None, max_length=200, pattern=PLAIN)


class ArticleWritten(BaseModel):
    """What ingesting an article did, and the fragment it wrote."""

    status: Literal["new", "changed", "unchanged"]
    article_id: str
    fragment: GraphFragment


MAX_PARAM_DEPTH = 32  # how deep console parameters may nest
MAX_PARAM_ITEMS = 10_000  # how many values they may hold in all
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


class CypherRequest(BaseModel):
    """An analyst's read-only Cypher query."""

    model_config = {
        "extra": "forbid",
        "json_schema_extra": {
            "examples": [
                {
                    "query": "MATCH (p:Person)-[:HOLDS_ROLE]->(c:Country {id: $country}) RETURN p.name AS name",  # noqa: E501
                    "params": {"country": "hungary"},
                }
            ]
        },
    }

    query: str = Field(min_length=1, max_length=10_000)
    params: dict[str, Any] = Field(default_factory=dict, description="names are Cypher identifiers")

    @field_validator("params")
    @classmethod
    def _bounded_identifier_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Parameter names and map keys must be Cypher identifiers, at every depth; values
        nest at most MAX_PARAM_DEPTH deep, hold at most MAX_PARAM_ITEMS values, and an
        integer must fit the engines' 64 bits (refused, never clamped)."""
        stack: list[tuple[Any, int]] = [(value, 1)]
        seen = 0
        while stack:
            item, depth = stack.pop()
            seen += 1
            if depth > MAX_PARAM_DEPTH:
                raise ValueError(f"parameters nest more than {MAX_PARAM_DEPTH} levels deep")
            if seen > MAX_PARAM_ITEMS:
                raise ValueError(f"parameters hold more than {MAX_PARAM_ITEMS:,} values")
            if isinstance(item, dict):
                bad = [k for k in item if not IDENTIFIER.fullmatch(k)]
                if bad:
                    raise ValueError(f"{bad[0]!r} is not a Cypher identifier")
                stack.extend((v, depth + 1) for v in item.values())
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item)
            elif _is_int(item) and not INT64_MIN <= item <= INT64_MAX:
                raise ValueError(f"{item} does not fit a 64-bit integer")
        return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class CypherResult(BaseModel):
    """Rows of an analyst's query (nodes and relationships as maps)."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="more rows existed than the row cap")


def json_response(body: BaseModel) -> Response:
    """A body our own models built, serialised once (the route's response_model documents it).

    FastAPI would validate a returned model against response_model again; for the
    analyst queries that is most of the cost of a request.
    """
    return Response(body.model_dump_json(), media_type="application/json")
