"""Requests resolve names against a cache that concurrent requests fill with one read."""

import asyncio
import gc
from typing import Any

import pytest

from graph import analysis as analysis_module
from graph import queries
from graph.analysis import Analysis
from graph.store import GraphStore
from loaders.fragment import ArticleInfo, Entity, GraphFragment
from loaders.ontology import Label


class CountingBackend:
    """The real engine's backend, counting the name reads that pass through it."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.name_reads = 0

    async def read_async(self, query: str, params: Any = None, **options: Any) -> Any:
        self.name_reads += query == queries.KNOWN_ENTITIES
        return await self.backend.read_async(query, params, **options)

    async def close_async(self) -> None:
        await self.backend.close_async()


def test_concurrent_requests_share_one_read_of_the_names(store: GraphStore) -> None:
    store.write_fragment(
        GraphFragment(
            article=ArticleInfo(id="a1", content_hash="a1", text="x"),
            entities=[Entity(id="chile", name="Chile", label=Label.COUNTRY)],
            relations=[],
        )
    )
    counting = CountingBackend(store.backend)

    async def sixteen_requests() -> list[list[str]]:
        analysis = Analysis(counting)  # type: ignore[arg-type]
        try:
            found = await asyncio.gather(*(analysis.find_entities("Chile") for _ in range(16)))
            analysis.invalidate()  # a write through this process: read again
            found.append(await analysis.find_entities("chile"))
            return [[e.id for e in refs] for refs in found]
        finally:
            await analysis.close()

    assert asyncio.run(sixteen_requests()) == [["chile"]] * 17
    assert counting.name_reads == 2


def test_an_id_written_elsewhere_resolves_before_the_cache_is_read_again(
    store: GraphStore,
) -> None:
    def article(entity_id: str, name: str) -> GraphFragment:
        return GraphFragment(
            article=ArticleInfo(id=f"a-{entity_id}", content_hash=entity_id, text="x"),
            entities=[Entity(id=entity_id, name=name, label=Label.COUNTRY)],
            relations=[],
        )

    store.write_fragment(article("chile", "Chile"))

    async def resolve_after_a_write_elsewhere() -> tuple[str | None, list[str]]:
        analysis = Analysis(store.backend)
        try:
            await analysis.resolve("Chile")  # the names are read and cached
            store.write_fragment(article("peru", "Peru"))  # another process, say
            found = await analysis.resolve("peru")
            return found.rule, [e.id for e in found.entities]
        finally:
            await analysis.close()

    assert asyncio.run(resolve_after_a_write_elsewhere()) == ("id", ["peru"])


def _generation(store: GraphStore) -> str | None:
    rows = store.backend.read(queries.GENERATION, {})
    return rows[0]["generation"] if rows else None


def _article(article_id: str, *entities: Entity, text: str = "x") -> GraphFragment:
    return GraphFragment(
        article=ArticleInfo(id=article_id, content_hash=text, text=text),
        entities=list(entities),
        relations=[],
    )


CHILE = Entity(id="chile", name="Chile", label=Label.COUNTRY)
PERU = Entity(id="peru", name="Peru", label=Label.COUNTRY)


def test_names_are_read_again_only_when_the_graph_has_a_new_generation(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis_module, "NAME_CACHE_S", 0.0)  # checked on every request
    store.write_fragment(_article("a1", CHILE))
    counting = CountingBackend(store.backend)

    async def requests() -> list[list[str]]:
        analysis = Analysis(counting)  # type: ignore[arg-type]
        try:
            found = [await analysis.find_entities("Chile") for _ in range(3)]  # one read
            store.write_fragment(_article("a2", PERU))  # another process, say
            found.append(await analysis.find_entities("Peru"))  # the names read again
            found.append(await analysis.find_entities("Peru"))
            return [[e.id for e in refs] for refs in found]
        finally:
            await analysis.close()

    assert asyncio.run(requests()) == [["chile"]] * 3 + [["peru"]] * 2
    assert counting.name_reads == 2


def test_every_write_gives_the_graph_a_new_generation(store: GraphStore) -> None:
    seen = [_generation(store)]
    store.write_fragment(_article("a1", CHILE))
    seen.append(_generation(store))
    store.write_fragment(_article("a1", CHILE, text="y"))  # changed, same entities
    seen.append(_generation(store))
    store.write_fragment(_article("a1", PERU, text="z"))  # changed: Chile left alone
    seen.append(_generation(store))
    store.delete_article("a1")
    seen.append(_generation(store))
    assert seen[0] is None
    assert len(set(seen)) == len(seen)
    assert store.counts().nodes == 0  # the Graph node is not counted as data


def test_the_names_index_is_left_out_of_the_collectors_full_passes(store: GraphStore) -> None:
    store.write_fragment(_article("a1", CHILE))

    async def read_names() -> int:
        analysis = Analysis(store.backend)
        try:
            frozen = gc.get_freeze_count()
            await analysis.find_entities("Chile")
            return gc.get_freeze_count() - frozen
        finally:
            await analysis.close()

    assert asyncio.run(read_names()) > 0
