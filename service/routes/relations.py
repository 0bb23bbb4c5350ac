"""Relations between entities, and the shortest connections between two of them."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from graph.analysis import Analysis
from loaders.ontology import Predicate
from service.deps import AnalysisDep
from service.errors import NotFound
from service.models import PROBLEMS, PathsPublic, RelationsPublic, json_response
from service.params import Day, day, text

router = APIRouter(prefix="/api/v1", tags=["relations"])
Name = Annotated[str | None, text("a name, alias or id")]


async def entity_ids(analysis: Analysis, name: str, *, topics: bool = False) -> list[str]:
    """The ids a name refers to (topics too, when asked); 404 when it names nothing."""
    ids = [e.id for e in await analysis.find_entities(name)]
    if not ids and topics:
        ids = [t.id for t in await analysis.find_topics(name)]
    if not ids:
        raise NotFound("entity", name)
    return ids


@router.get("/relations", response_model=RelationsPublic, responses=PROBLEMS)
async def relations(
    analysis: AnalysisDep,
    subject: Name = None,
    predicate: Annotated[Predicate | None, Query()] = None,
    object_: Annotated[str | None, text("a name, alias or id", alias="object")] = None,
    since: Day = None,
    until: Day = None,
) -> Response:
    """Relations by subject, predicate and object (any may be omitted); MEETS either way."""
    first, last = day(since), day(until)  # a bad date is 422 before any lookup
    found = await analysis.relations(
        subjects=await entity_ids(analysis, subject, topics=True) if subject else None,
        objects=await entity_ids(analysis, object_, topics=True) if object_ else None,
        predicates=[predicate] if predicate else list(Predicate),
        since=first,
        until=last,
    )
    return json_response(RelationsPublic(relations=found))


@router.get("/paths", response_model=PathsPublic, responses=PROBLEMS)
async def paths(
    analysis: AnalysisDep,
    source: Annotated[str, text("a name, alias or id", alias="from", min_length=1)],
    target: Annotated[str, text("a name, alias or id", alias="to", min_length=1)],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
) -> PathsPublic:
    """The shortest connections between two entities over relation edges."""
    start = (await entity_ids(analysis, source))[0]
    end = (await entity_ids(analysis, target))[0]
    return PathsPublic(paths=await analysis.paths(start, end, max_hops=max_hops))
