"""The analysts' own Cypher: what may run, checked before the engine sees it.

The engine enforces read-only on its own (FalkorDB GRAPH.RO_QUERY; Neo4j a read
transaction after an EXPLAIN shows a read-only plan). On top of that this guard reads
the query as Cypher's lexer does, left to right in one pass, so that a comment, a
string or a backticked name can hide nothing from it ("// it's" opens no string), and
refuses, with a reason: write, IO, admin and schema clauses; procedure calls outside a
short allow-list; functions outside the allow-list of reading ones (data/
console_functions.txt); `range()` over more than MAX_RANGE numbers written out;
variable-length paths longer than MAX_HOPS or unbounded; `CALL {} IN TRANSACTIONS`;
several statements; and non-ASCII characters outside string literals (Unicode
look-alikes of keywords).
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.errors import QueryError

MAX_QUERY_CHARS = 10_000
MAX_RANGE = 10_000  # numbers a written-out range() may produce
MAX_HOPS = 10  # the longest variable-length path a query may ask for
ALLOWED_PROCEDURES = {"db.labels", "db.relationshiptypes", "db.propertykeys"}
FORBIDDEN = {
    "create", "merge", "set", "delete", "detach", "remove", "drop", "load", "csv", "foreach",
    "grant", "deny", "revoke", "alter", "start", "stop", "show", "use", "terminate", "explain",
    "profile", "index", "constraint", "transactions", "periodic", "dbms", "finish", "insert",
}  # fmt: skip
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
    | (?P<name>`(?:[^`]|``)*(?:`|\Z))
    | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
    | (?P<symbol>\.\.|.)
    """,
    re.S | re.X,
)


class ConsoleRefused(QueryError):
    """The console refuses this query; the reason is safe to show."""


@dataclass(frozen=True)
class Token:
    """A lexed piece of code: its kind (word, number, string, name, symbol) and text."""

    kind: str
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokens(query: str) -> list[Token]:
    """The query's code as Cypher's lexer reads it: comments and spaces dropped, every
    string and backticked name one token whatever it holds."""
    found = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "symbol"
        if kind in {"space", "comment"}:
            continue
        text = match.group(0)
        if kind in {"string", "name"} and (len(text) < 2 or text[-1] != text[0]):
            raise ConsoleRefused("a string, name or comment is not closed")
        found.append(Token(kind, text))
    return found


def check(query: str) -> str:
    """The query to run, or ConsoleRefused with the reason it may not run."""
    if not query.strip():
        raise ConsoleRefused("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise ConsoleRefused(f"the query is over {MAX_QUERY_CHARS:,} characters")
    if query.count("/*") > query.count("*/"):
        raise ConsoleRefused("a string, name or comment is not closed")
    code = tokens(query)
    if any(t.kind not in {"string"} and not t.text.isascii() for t in code):
        raise ConsoleRefused("non-ASCII characters are allowed only inside string literals")
    if any(t.text == ";" for t in code[:-1]):
        raise ConsoleRefused("one statement at a time")
    for i, token in enumerate(code):
        after = code[i + 1] if i + 1 < len(code) else Token("symbol", "")
        if token.kind != "word":
            continue
        if token.lower in FORBIDDEN:
            raise ConsoleRefused(f"{token.text.upper()} is not allowed: the console only reads")
        if token.lower == "call":
            _check_call(after)
        elif after.text == "(" and not _after_call(code, i):
            _check_function(token, code, i)
    _check_paths(code)
    return query.strip().rstrip(";")


def _after_call(code: list[Token], i: int) -> bool:
    return i > 0 and code[i - 1].lower == "call"


def _check_call(target: Token) -> None:
    if target.text != "{" and target.lower not in ALLOWED_PROCEDURES:
        allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
        raise ConsoleRefused(f"only these procedures may be called: {allowed}")


def _check_function(name: Token, code: list[Token], i: int) -> None:
    """A function call: one of the reading functions, and a range() of bounded size."""
    if name.lower in _KEYWORDS_BEFORE_PARENTHESES:
        return  # "WHERE (", "AND (", "IN (": not a call
    if name.lower not in functions():
        raise ConsoleRefused(f"the function {name.text}() is not allowed in the console")
    if name.lower == "range":
        bounds = _literal_arguments(code, i + 2)
        if len(bounds) >= 2 and bounds[1] - bounds[0] > MAX_RANGE:
            raise ConsoleRefused(f"range() may produce at most {MAX_RANGE:,} numbers")


def _literal_arguments(code: list[Token], start: int) -> list[float]:
    """The leading numeric literals of a call's arguments ("range(1, 1e8)": [1, 1e8])."""
    values: list[float] = []
    sign = 1.0
    for token in code[start:]:
        if token.text == "-":
            sign = -1.0
        elif token.kind == "number":
            values.append(sign * float(token.text))
            sign = 1.0
        elif token.text != ",":
            break
    return values


def _check_paths(code: list[Token]) -> None:
    """Variable-length relationships ("-[*]-", "-[:R*2..]-") must be bounded by MAX_HOPS."""
    for i, token in enumerate(code):
        if token.text == "*" and _in_relationship(code, i):
            hops = _hops(code[i + 1 : i + 4])
            if hops is None or hops > MAX_HOPS:
                raise ConsoleRefused(f"variable-length paths may be at most {MAX_HOPS} hops long")


def _hops(after: list[Token]) -> float | None:
    """The most hops of "*3", "*2..5", "*..5" after the star (None: "*", "*2..")."""
    texts = [t.text for t in after] + ["", "", ""]
    numbers = [t.kind == "number" for t in after] + [False, False, False]
    if texts[0] == "..":
        return float(texts[1]) if numbers[1] else None
    if not numbers[0]:
        return None
    if texts[1] == "..":
        return float(texts[2]) if numbers[2] else None
    return float(texts[0])


def _in_relationship(code: list[Token], i: int) -> bool:
    """Whether a "*" sits inside a relationship pattern "-[...]-" (not a multiplication
    inside a list, "[x * 2]")."""
    j = i - 1
    while j >= 0 and code[j].text not in {"[", "]"}:
        j -= 1
    return j > 0 and code[j].text == "[" and code[j - 1].text in {"-", "<"}


_KEYWORDS_BEFORE_PARENTHESES = {
    "where", "and", "or", "xor", "not", "in", "return", "with", "match", "optional", "as",
    "when", "then", "else", "case", "distinct", "unwind", "by", "is", "on", "union", "all",
    "exists", "yield", "limit", "skip", "order", "starts", "ends", "contains",
}  # fmt: skip


@cache
def functions() -> frozenset[str]:
    """The reading functions the console allows (data/console_functions.txt)."""
    text = resources.files("graph").joinpath("data/console_functions.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
