"""Articles: the list, and one article with the entities found in it."""

from fastapi import APIRouter

from graph.records import ArticleDetail
from service.deps import StoreDep
from service.errors import NotFound
from service.models import PROBLEMS, ArticlesPublic
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
