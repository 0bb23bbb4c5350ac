"""Dependencies shared by the routes, as Annotated aliases.

They are coroutines because they only read app state: a plain function would cost
each request a hop through the thread pool.
"""

from typing import Annotated

from fastapi import Depends, Request

from graph.analysis import Analysis
from graph.store import GraphStore
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
