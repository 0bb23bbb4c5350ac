"""Entities: search by name or alias, and one entity by id."""

from typing import Annotated

from fastapi import APIRouter, Query

from graph.records import EntityDetail
from loaders.ontology import Label
from service.deps import AnalysisDep, StoreDep
from service.errors import NotFound
from service.models import PROBLEMS, EntitiesPublic, NeighbourhoodPublic, TimelinePublic
from service.params import EntityId, Limit, Offset, text

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


@router.get("/{entity_id}", response_model=EntityDetail, responses=PROBLEMS)
def get_entity(entity_id: EntityId, store: StoreDep) -> EntityDetail:
    """One entity with the articles that mention it."""
    entity = store.get_entity(entity_id)
    if entity is None:
        raise NotFound("entity", entity_id)
    return entity


@router.get("/{entity_id}/neighbourhood", response_model=NeighbourhoodPublic, responses=PROBLEMS)
async def neighbourhood(
    entity_id: EntityId,
    analysis: AnalysisDep,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> NeighbourhoodPublic:
    """Nodes and edges within depth hops of an entity, for drawing."""
    if await analysis.entity(entity_id) is None:
        raise NotFound("entity", entity_id)
    nodes, edges = await analysis.neighbourhood(entity_id, depth=depth, limit=limit)
    return NeighbourhoodPublic(nodes=nodes, edges=edges)


@router.get("/{entity_id}/timeline", response_model=TimelinePublic, responses=PROBLEMS)
async def timeline(entity_id: EntityId, analysis: AnalysisDep) -> TimelinePublic:
    """An entity's stances by date; entries whose stance on a target changed say so."""
    entity = await analysis.entity(entity_id)
    if entity is None:
        raise NotFound("entity", entity_id)
    return TimelinePublic(entity=entity, entries=await analysis.timeline(entity_id))
