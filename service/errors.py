"""Project errors -> HTTP problem responses (RFC 9457), chosen in this one place.

No response ever carries a stack trace or an engine's own message.
"""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import EngineUnavailable, QueryError, QueryTimeout
from graph.records import Candidate

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
RETRY_AFTER_S = 5


class ApiError(Exception):
    """A request the API refuses, with the status and a reason safe to show."""

    status = 400
    title = "Bad Request"

    def __init__(
        self,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(detail)
        self.headers = headers or {}
        self.extra = extra or {}  # members of the problem body beyond RFC 9457's


class NotFound(ApiError):
    """A resource named in the request does not exist (with names close to it, if any)."""

    status, title = 404, "Not Found"

    def __init__(
        self, kind: str, ident: str, *, suggestions: list[Candidate] | None = None
    ) -> None:
        extra = {"suggestions": [c.model_dump() for c in suggestions]} if suggestions else None
        hint = f"; did you mean {_names(suggestions)}?" if suggestions else ""
        super().__init__(f"no {kind} matches {ident!r}{hint}", extra=extra)


class Ambiguous(ApiError):
    """A name the request gives fits several entities; it must say which."""

    status, title = 409, "Conflict"

    def __init__(self, ident: str, candidates: list[Candidate]) -> None:
        super().__init__(
            f"{ident!r} names {len(candidates)} entities: {_names(candidates)}; "
            "ask by id or by a fuller name",
            extra={"candidates": [c.model_dump() for c in candidates]},
        )


def _names(candidates: list[Candidate]) -> str:
    return ", ".join(f"{c.name} ({c.id})" for c in candidates)


class Unauthorized(ApiError):
    """No API key was sent."""

    status, title = 401, "Unauthorized"


class Forbidden(ApiError):
    """The API key is wrong, or writes are disabled."""

    status, title = 403, "Forbidden"


class PayloadTooLarge(ApiError):
    """The request body is over the configured size."""

    status, title = 413, "Content Too Large"


class TooManyRequests(ApiError):
    """The console has no free slot for another query (see Retry-After)."""

    status, title = 429, "Too Many Requests"


class Unprocessable(ApiError):
    """The request is well-formed but cannot be processed."""

    status, title = 422, "Unprocessable Content"


def problem(status: int, title: str, detail: str, **extra: object) -> JSONResponse:
    """A problem-details JSON response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


async def _api_error(_: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, ApiError)
    response = problem(err.status, err.title, str(err), **err.extra)
    response.headers.update(err.headers)
    return response


async def _unavailable(_: Request, err: Exception) -> JSONResponse:
    log.warning("graph engine unavailable: %s", err)
    response = problem(503, "Service Unavailable", "the graph database is not reachable; retry")
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


async def _timeout(_: Request, err: Exception) -> JSONResponse:
    return problem(504, "Gateway Timeout", "the query ran past its time limit")


async def _query_failed(_: Request, err: Exception) -> JSONResponse:
    log.error("graph query failed: %s", err)
    return problem(500, "Internal Server Error", "the graph database could not answer this query")


async def _invalid(_: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in err.errors()]
    return problem(422, "Unprocessable Content", "the request is not valid", errors=errors)


async def _http(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, StarletteHTTPException)
    response = problem(err.status_code, _title(err.status_code), str(err.detail))
    response.headers.update(err.headers or {})
    if err.status_code == 405:
        response.headers["Allow"] = ", ".join(_allowed(request))
    return response


def _allowed(request: Request) -> list[str]:
    """Every method the app serves on this path (routes of one path may be several)."""
    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match.name != "NONE" and getattr(route, "methods", None):
            methods |= route.methods
    return sorted(methods)


def _title(status: int) -> str:
    from http import HTTPStatus

    if status == 413:
        return "Content Too Large"
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(EngineUnavailable, _unavailable)
    app.add_exception_handler(QueryTimeout, _timeout)
    app.add_exception_handler(QueryError, _query_failed)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StarletteHTTPException, _http)
