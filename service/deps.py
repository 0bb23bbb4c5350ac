"""Dependencies shared by the routes, as Annotated aliases.

They are coroutines because they only read app state: a plain function would cost
each request a hop through the thread pool.
"""

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request
from pydantic import SecretStr

from graph.analysis import Analysis
from graph.records import EntityRef
from graph.store import GraphStore
from service.errors import Forbidden, Unauthorized
from service.limits import ConsoleSlots
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


async def get_console_slots(request: Request) -> ConsoleSlots:
    """The console's own concurrency limit."""
    return request.app.state.console_slots


ConsoleSlotsDep = Annotated[ConsoleSlots, Depends(get_console_slots)]


async def get_analysis(request: Request) -> Analysis:
    """The analyst's reads over the process's one backend."""
    return request.app.state.analysis


AnalysisDep = Annotated[Analysis, Depends(get_analysis)]


def check_key(settings: Settings, given: str | None) -> None:
    """Writes need X-API-Key equal to NEWSGRAPH_API_KEY; with no key configured, none pass."""
    if settings.api_key is None:
        raise Forbidden("writes are disabled: the server has no NEWSGRAPH_API_KEY")
    _same_key(settings.api_key, given)


def _same_key(key: SecretStr, given: str | None) -> None:
    """401 without X-API-Key, 403 with another key than the one configured."""
    if not given:
        raise Unauthorized("send the API key in the X-API-Key header")
    if not secrets.compare_digest(given.encode(), key.get_secret_value().encode()):
        raise Forbidden("wrong API key")


async def require_write_key(
    settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None
) -> None:
    """The write routes' guard: 401 without X-API-Key, 403 with a wrong one or none set."""
    check_key(settings, x_api_key)


WriteKeyDep = Annotated[None, Depends(require_write_key)]


async def require_console_key(
    settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None
) -> None:
    """The console's guard: with NEWSGRAPH_CYPHER_API_KEY set, that key; without it, open
    only to a server listening on loopback (an open console beyond it is a risk)."""
    if settings.cypher_api_key is not None:
        _same_key(settings.cypher_api_key, x_api_key)
    elif not settings.on_loopback():
        raise Forbidden(
            "the console is off: the server listens beyond loopback and has no "
            "NEWSGRAPH_CYPHER_API_KEY"
        )


ConsoleKeyDep = Annotated[None, Depends(require_console_key)]


async def get_names(analysis: AnalysisDep) -> Names:
    """What resolves the entities a request names (service/lookup.py)."""
    return Names(analysis)


NamesDep = Annotated[Names, Depends(get_names)]


async def entity_in_path(entity_id: EntityName, names: NamesDep) -> EntityRef:
    """The entity a path names by id, name, alias, surname or another romanisation;
    404 or 409 (problem+json) when it names none or several."""
    return await names.entity(entity_id)


EntityDep = Annotated[EntityRef, Depends(entity_in_path)]
