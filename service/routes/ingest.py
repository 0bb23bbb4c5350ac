"""POST /api/v1/articles: ingest one article over REST (needs the API key)."""

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from loaders.article import LoadFailure, RawArticle
from service.deps import SettingsDep, StoreDep, WriteKeyDep
from service.errors import PayloadTooLarge, Unprocessable
from service.ingest import ingest_one
from service.models import WRITE_PROBLEMS, ArticleCreate, ArticleWritten, problem_response

router = APIRouter(prefix="/api/v1/articles", tags=["articles"])


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it grows past limit bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the body is over {limit:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise PayloadTooLarge(f"the body is over {limit:,} bytes")
    return bytes(body)


@router.post(
    "",
    response_model=ArticleWritten,
    status_code=201,
    responses={
        200: {"model": ArticleWritten, "description": "unchanged"},
        **WRITE_PROBLEMS,
        413: problem_response("body over NEWSGRAPH_MAX_BODY_BYTES"),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleCreate.model_json_schema()}},
        }
    },
)
async def create_article(
    request: Request,
    response: Response,
    store: StoreDep,
    settings: SettingsDep,
    _: WriteKeyDep,
) -> ArticleWritten:
    """Extract and write one article; the same content twice is one article (200 the 2nd time)."""
    try:
        payload = ArticleCreate.model_validate_json(
            await read_body(request, settings.max_body_bytes)
        )
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise Unprocessable(f"invalid article: {where}: {first['msg']}") from err
    raw = RawArticle(origin="request", **payload.model_dump())
    extractor, lock = request.app.state.extractor, request.app.state.extract_lock

    def work():  # type: ignore[no-untyped-def]
        with lock:  # one spaCy pipeline per process, used by one request at a time
            return ingest_one(
                raw, store=store, extractor=extractor, max_chars=settings.max_article_chars
            )

    result = await run_in_threadpool(work)
    if isinstance(result, LoadFailure):
        raise Unprocessable(result.reason)
    outcome, fragment = result
    request.app.state.analysis.invalidate()
    if outcome.status == "unchanged":
        response.status_code = 200
    return ArticleWritten(status=outcome.status, article_id=outcome.article_id, fragment=fragment)
