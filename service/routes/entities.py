"""Entities: search by name or alias, and one entity by whatever names it."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from graph.records import EntityDetail
from loaders.ontology import Label
from service.deps import AnalysisDep, EntityDep, StoreDep
from service.errors import NotFound
from service.models import (
    NAMED,
    PROBLEMS,
    EntitiesPublic,
    NeighbourhoodPublic,
    TimelinePublic,
    json_response,
)
from service.params import Limit, Offset, text

router = APIRouter(prefix="/api/v1/entities", tags=["entities"])


@router.get("", response_model=EntitiesPublic, responses=PROBLEMS)
def search_entities(
    store: StoreDep,
    q: Annotated[str, text("name or alias; accents and case ignored")] = "",
    label: Annotated[Label | None, Query(description="only entities with this label")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EntitiesPublic:
    """Entities whose name or alias contains q, exact matches first, then the most mentioned."""
    data, count = store.search_entities(q=q, label=label, limit=limit, offset=offset)
    return EntitiesPublic(data=data, count=count, limit=limit, offset=offset)


@router.get("/{entity_id}", response_model=EntityDetail, responses=NAMED)
def get_entity(entity: EntityDep, store: StoreDep) -> EntityDetail:
    """One entity with the articles that mention it."""
    detail = store.get_entity(entity.id)
    if detail is None:  # deleted since the names were read
        raise NotFound("entity", entity.id)
    return detail


@router.get("/{entity_id}/neighbourhood", response_model=NeighbourhoodPublic, responses=NAMED)
async def neighbourhood(
    entity: EntityDep,
    analysis: AnalysisDep,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    """Nodes and edges within depth hops of an entity, for drawing: one page of edges,
    nearest first, with the offset of the next page when there is more."""
    nodes, edges, more = await analysis.neighbourhood(
        entity.id, depth=depth, limit=limit, offset=offset
    )
    return json_response(NeighbourhoodPublic(nodes=nodes, edges=edges, next_offset=more))


@router.get("/{entity_id}/timeline", response_model=TimelinePublic, responses=NAMED)
async def timeline(entity: EntityDep, analysis: AnalysisDep) -> Response:
    """An entity's stances by date; entries whose stance on a target changed say so."""
    return json_response(TimelinePublic(entity=entity, entries=await analysis.timeline(entity.id)))
