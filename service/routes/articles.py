"""Articles: the list, one article with the entities found in it, and deleting one."""

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from graph.errors import ArticleNotFound
from graph.records import ArticleDeleted, ArticleDetail
from service.deps import StoreDep, WriteKeyDep
from service.errors import NotFound
from service.models import PROBLEMS, WRITE_PROBLEMS, ArticlesPublic
from service.params import EntityId, Limit, Offset

router = APIRouter(prefix="/api/v1/articles", tags=["articles"])


@router.get("", response_model=ArticlesPublic, responses=PROBLEMS)
def list_articles(
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> ArticlesPublic:
    """Articles in the graph, newest first."""
    data, count = store.list_articles(limit=limit, offset=offset)
    return ArticlesPublic(data=data, count=count, limit=limit, offset=offset)


@router.get("/{article_id}", response_model=ArticleDetail, responses=PROBLEMS)
def get_article(article_id: EntityId, store: StoreDep) -> ArticleDetail:
    """One article with its text and the entities found in it."""
    article = store.get_article(article_id)
    if article is None:
        raise NotFound("article", article_id)
    return article


@router.delete("/{article_id}", response_model=ArticleDeleted, responses=WRITE_PROBLEMS)
async def delete_article(
    article_id: EntityId, request: Request, store: StoreDep, _: WriteKeyDep
) -> ArticleDeleted:
    """Delete an article and every fact only it supported (its evidence, relations no other
    article asserts, entities no other article mentions), in one transaction."""
    try:
        deleted = await run_in_threadpool(store.delete_article, article_id)
    except ArticleNotFound as err:
        raise NotFound("article", article_id) from err
    request.app.state.analysis.invalidate()
    return deleted
