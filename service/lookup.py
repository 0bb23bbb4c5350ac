"""The entities a request names -> ids, or the problem that says why not: 404 with close
names, 409 with the candidates of an ambiguous name (never a silent pick). The rules are
graph/names.py's; routes reach this through service.deps."""

from graph.analysis import Analysis
from graph.names import Resolution
from graph.records import Candidate, EntityRef
from service.errors import Ambiguous, NotFound


class Names:
    """Resolves names against the process's cached index of the graph's names."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    async def entity(self, text: str, *, kind: str = "entity") -> EntityRef:
        """The one entity text names (id, name, alias, surname, romanised)."""
        return _one(await self.analysis.resolve(text), text, kind)

    async def ids(self, text: str, *, topics: bool = False) -> list[str]:
        """The ids text names: one entity, or else (topics=True) every topic its words name."""
        found = await self.analysis.resolve(text, topics=topics)
        if found.rule == "topic":
            return [t.id for t in found.entities]
        return [_one(found, text, "entity").id]


def _one(found: Resolution, text: str, kind: str) -> EntityRef:
    if found.ambiguous:
        raise Ambiguous(text, [_candidate(e) for e in found.entities])
    if not found.entities:
        raise NotFound(kind, text, suggestions=[_candidate(e) for e in found.suggestions])
    return found.entities[0]


def _candidate(entity: EntityRef) -> Candidate:
    return Candidate(id=entity.id, name=entity.name, label=entity.label)
