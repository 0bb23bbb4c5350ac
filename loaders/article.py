"""Article records: what the readers produce and what the cleaner returns."""

from pydantic import BaseModel, Field


class RawArticle(BaseModel):
    """An article as read from a file or a request, before cleaning."""

    origin: str = Field(description="where it came from: a path, `path:line`, or `request`")
    path: str | None = None
    key: str | None = Field(
        None,
        description="a file holding one article: its path from the folder named to ingest, "
        "starting with that folder's name (`articles/a.txt`); who it is when it has no URL",
    )
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


class Article(BaseModel):
    """A cleaned article: its body text and the metadata found for it."""

    id: str
    former_id: str | None = Field(
        None,
        description="the id its text alone gave a file's article before its path named it: "
        "a graph written then holds it under that id",
    )
    origin: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO-8601 date, YYYY-MM-DD")
    source: str | None = None
    text: str = Field(description="the article body that extraction reads")
    content_hash: str
    dropped: list[str] = Field(default_factory=list, description="lines removed as boilerplate")


class LoadFailure(BaseModel):
    """An input that could not become an article, with a one-line reason."""

    origin: str
    reason: str
