"""Relations between entities, and the shortest connections between two of them."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from loaders.ontology import Predicate
from service.deps import AnalysisDep, NamesDep
from service.models import NAMED, PathsPublic, RelationsPublic, json_response
from service.params import Day, day, text

router = APIRouter(prefix="/api/v1", tags=["relations"])
NAME = "an id, name, alias or surname, in any accents, case or romanisation"
END = f"{NAME}; or a topic in any words"
Name = Annotated[str | None, text(END)]


@router.get("/relations", response_model=RelationsPublic, responses=NAMED)
async def relations(
    analysis: AnalysisDep,
    names: NamesDep,
    subject: Name = None,
    predicate: Annotated[Predicate | None, Query()] = None,
    object_: Annotated[str | None, text(END, alias="object")] = None,
    since: Day = None,
    until: Day = None,
) -> Response:
    """Relations by subject, predicate and object (any may be omitted); MEETS either way."""
    first, last = day(since), day(until)  # a bad date is 422 before any lookup
    found = await analysis.relations(
        subjects=await names.ids(subject, topics=True) if subject else None,
        objects=await names.ids(object_, topics=True) if object_ else None,
        predicates=[predicate] if predicate else list(Predicate),
        since=first,
        until=last,
    )
    return json_response(RelationsPublic(relations=found))


@router.get("/paths", response_model=PathsPublic, responses=NAMED)
async def paths(
    analysis: AnalysisDep,
    names: NamesDep,
    source: Annotated[str, text(NAME, alias="from", min_length=1)],
    target: Annotated[str, text(NAME, alias="to", min_length=1)],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
) -> Response:
    """The shortest connections between two entities over claim edges, within the path
    search's deadline."""
    start = await names.entity(source)
    end = await names.entity(target)
    found = await analysis.paths(start.id, end.id, max_hops=max_hops)
    return json_response(PathsPublic(paths=found))
