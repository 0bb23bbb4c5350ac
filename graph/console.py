"""The analysts' own Cypher: what may run, checked before the engine sees it.

The engine enforces read-only on its own (FalkorDB GRAPH.RO_QUERY; Neo4j a read
transaction after an EXPLAIN shows a read-only plan). On top of that this guard
refuses, with a reason, anything that is not a single plain read: write, IO,
admin and schema clauses, procedure calls outside a short allow-list,
`CALL {} IN TRANSACTIONS`, several statements, and non-ASCII characters outside
string literals (Unicode look-alikes of keywords).
"""

import re

from graph.errors import QueryError

MAX_QUERY_CHARS = 10_000
ALLOWED_PROCEDURES = {"db.labels", "db.relationshiptypes", "db.propertykeys"}
FORBIDDEN = {
    "create", "merge", "set", "delete", "detach", "remove", "drop", "load", "csv", "foreach",
    "grant", "deny", "revoke", "alter", "start", "stop", "show", "use", "terminate", "explain",
    "profile", "index", "constraint", "transactions", "periodic", "dbms", "finish", "insert",
}  # fmt: skip
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.S)
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_BACKTICKED = re.compile(r"`[^`]*`")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*|[{;]")


class ConsoleRefused(QueryError):
    """The console refuses this query; the reason is safe to show."""


def check(query: str) -> str:
    """The query to run, or ConsoleRefused with the reason it may not run."""
    if not query.strip():
        raise ConsoleRefused("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise ConsoleRefused(f"the query is over {MAX_QUERY_CHARS:,} characters")
    code = _BACKTICKED.sub(" name ", _COMMENT.sub(" ", _STRING.sub("''", query)))
    if not code.isascii():
        raise ConsoleRefused("non-ASCII characters are allowed only inside string literals")
    words = [w.lower() for w in _WORD.findall(code)]
    if ";" in words[:-1]:
        raise ConsoleRefused("one statement at a time")
    for i, word in enumerate(words):
        if word in FORBIDDEN:
            raise ConsoleRefused(f"{word.upper()} is not allowed: the console only reads")
        if word == "call":
            _check_call(words[i + 1] if i + 1 < len(words) else "")
    return query.strip().rstrip(";")


def _check_call(target: str) -> None:
    if target != "{" and target not in ALLOWED_PROCEDURES:
        allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
        raise ConsoleRefused(f"only these procedures may be called: {allowed}")
