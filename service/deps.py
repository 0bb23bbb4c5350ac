"""Dependencies shared by the routes, as Annotated aliases.

They are coroutines because they only read app state: a plain function would cost
each request a hop through the thread pool.
"""

from typing import Annotated

from fastapi import Depends, Request

from graph.analysis import Analysis
from graph.records import EntityRef
from graph.store import GraphStore
from service.lookup import Names
from service.params import EntityName
from service.settings import Settings


async def get_store(request: Request) -> GraphStore:
    """The process's one store, opened in the app's lifespan."""
    return request.app.state.store


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    return request.app.state.settings


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_analysis(request: Request) -> Analysis:
    """The analyst's reads over the process's one backend."""
    return request.app.state.analysis


AnalysisDep = Annotated[Analysis, Depends(get_analysis)]


async def get_names(analysis: AnalysisDep) -> Names:
    """What resolves the entities a request names (service/lookup.py)."""
    return Names(analysis)


NamesDep = Annotated[Names, Depends(get_names)]


async def entity_in_path(entity_id: EntityName, names: NamesDep) -> EntityRef:
    """The entity a path names by id, name, alias, surname or another romanisation;
    404 or 409 (problem+json) when it names none or several."""
    return await names.entity(entity_id)


EntityDep = Annotated[EntityRef, Depends(entity_in_path)]
