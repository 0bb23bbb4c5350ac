"""The analysts' own Cypher: parsed, allow-listed and bounded before the engine sees it.

The engine enforces read-only on its own (FalkorDB GRAPH.RO_QUERY; Neo4j a read
transaction after an EXPLAIN shows a read-only plan). Before that, this guard reads the
query with Cypher's lexer rules (graph/cypher_lexer.py: a comment, string or backticked
name hides nothing), matches its brackets into a tree, and parses the statement into
clauses, refusing with a reason anything outside this allow-list:

- clauses: MATCH, OPTIONAL MATCH (a pattern, then WHERE), WITH and RETURN (DISTINCT,
  ORDER BY, SKIP, LIMIT, WITH ... WHERE), UNWIND ... AS, UNION [ALL], CALL { subquery }
  (allow-listed inside too), CALL of the procedures in ALLOWED_PROCEDURES (YIELD, WHERE);
  a statement starts with one of these and ends with RETURN (or is one procedure call);
- expressions: operands joined by operators, so no clause can start inside one; only
  the reading functions of data/console_functions.txt; no reduce() (its accumulator can
  double at every step, inside one expression the engine cannot interrupt); range() of
  integer literals producing at most MAX_RANGE numbers; no list iteration (comprehension,
  quantifier, pattern comprehension, range) inside another one;
- patterns: variable-length relationships of at most MAX_HOPS hops.

The row cap is put into the engine's plan: the final RETURN of each part gets a LIMIT of
at most the cap (a larger written-out LIMIT is lowered), so no more rows are built.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from graph.cypher_lexer import LexError, Token, tokens
from graph.errors import QueryError

MAX_QUERY_CHARS = 10_000
MAX_RANGE = 10_000  # numbers a written-out range() may produce
MAX_HOPS = 10  # the longest variable-length path a query may ask for
MAX_DEPTH = 32  # brackets inside brackets (the parser, and the engine's, recurse on them)
ALLOWED_PROCEDURES = {"db.labels", "db.relationshiptypes", "db.propertykeys"}
CLAUSES = {"match", "optional", "with", "unwind", "call", "return"}
# Words with a meaning inside a clause; any other word is a name (variable, function).
_OPERATORS = {
    "and", "or", "xor", "not", "in", "is", "as", "starts", "ends", "contains", "distinct",
    "case", "when", "then", "else", "where", "order", "by", "skip", "limit", "asc", "desc",
    "ascending", "descending", "yield",
}  # fmt: skip
_CLAUSE_WORDS = {  # the operator words each clause may hold at its own level
    "match": {"where"} | _OPERATORS - {"order", "by", "skip", "limit", "yield", "distinct"},
    "unwind": _OPERATORS - {"where", "order", "by", "skip", "limit", "yield", "distinct"},
    "with": _OPERATORS - {"yield"},
    "return": _OPERATORS - {"yield", "where"},
    "call": _OPERATORS - {"order", "by", "skip", "limit", "distinct"},
}
# Words no console query may hold anywhere outside a string or backticked name: writes,
# IO, administration, schema, and statement prefixes.
FORBIDDEN = {
    "create", "merge", "set", "delete", "detach", "remove", "drop", "load", "csv", "foreach",
    "grant", "deny", "revoke", "alter", "start", "stop", "show", "use", "terminate", "explain",
    "profile", "index", "constraint", "transactions", "periodic", "dbms", "finish", "insert",
}  # fmt: skip
_INNER_WORDS = _OPERATORS - {"order", "by", "skip", "limit", "yield"}  # inside brackets
_ITERATING = {"any", "all", "none", "single", "range"}  # functions that iterate a list
_NESTED = "a list iteration (comprehension, range(), any()) may not run inside another one"
_NO_CALL = {"reduce": "reduce() is not allowed in the console (its list can double each step)"}


class ConsoleRefused(QueryError):
    """The console refuses this query; the reason is safe to show."""


@dataclass(frozen=True)
class Group:
    """A bracketed part of the query: its opening and closing tokens and what is inside."""

    open: Token
    items: list["Node"]
    close: Token


Node = Token | Group


@dataclass(frozen=True)
class Clause:
    """One clause at a statement's own level: its keyword and the nodes after it."""

    keyword: str
    first: Token
    body: list[Node]


def check(query: str, params: Mapping[str, Any] | None = None, *, row_cap: int) -> str:
    """The query to run, with at most row_cap rows per final RETURN; or ConsoleRefused
    with the reason it may not run."""
    if not query.strip():
        raise ConsoleRefused("the query is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise ConsoleRefused(f"the query is over {MAX_QUERY_CHARS:,} characters")
    try:
        code = tokens(query)
    except LexError as err:
        raise ConsoleRefused(str(err)) from err
    if code and code[-1].text == ";":
        code = code[:-1]
    if not code:
        raise ConsoleRefused("the query is empty")
    _refuse_forbidden_words(code)
    parts = _statement(_tree(code))
    return _capped(query, parts, params or {}, row_cap)


def _refuse_forbidden_words(code: list[Token]) -> None:
    for i, token in enumerate(code):
        after_dot = i > 0 and code[i - 1].text == "."
        if token.kind == "word" and token.lower in FORBIDDEN and not after_dot:
            raise ConsoleRefused(f"{token.text.upper()} is not allowed: the console only reads")
        if token.text == ";":
            raise ConsoleRefused("one statement at a time")


def _tree(code: list[Token]) -> list[Node]:
    """The tokens with their brackets matched: (), [] and {} become Groups."""
    closing = {"(": ")", "[": "]", "{": "}"}
    stack: list[tuple[Token | None, list[Node]]] = [(None, [])]
    for token in code:
        if token.text in closing:
            if len(stack) > MAX_DEPTH:
                raise ConsoleRefused(f"brackets may nest at most {MAX_DEPTH} deep")
            stack.append((token, []))
        elif token.text in closing.values():
            opener, items = stack.pop()
            if opener is None or closing[opener.text] != token.text:
                raise ConsoleRefused(f"an unmatched {token.text!r} at character {token.start + 1}")
            stack[-1][1].append(Group(opener, items, token))
        else:
            stack[-1][1].append(token)
    if len(stack) > 1:
        raise ConsoleRefused(f"a {stack[-1][0].text!r} is not closed")  # type: ignore[union-attr]
    return stack[0][1]


def _statement(items: list[Node]) -> list[list[Clause]]:
    """The statement's parts (UNION joins them), each a checked list of clauses."""
    parts: list[list[Node]] = [[]]
    for i, node in enumerate(items):
        if _keyword(items, i) == "union":
            parts.append([])
        elif not (_keyword(items, i) == "all" and i > 0 and _keyword(items, i - 1) == "union"):
            parts[-1].append(node)
    checked = [_clauses(part) for part in parts]
    for clauses in checked:
        _check_order(clauses)
        for clause in clauses:
            _check_clause(clause)
    return checked


def _clauses(items: list[Node]) -> list[Clause]:
    """Split one part at its clause keywords (not "STARTS WITH", not "OPTIONAL MATCH"'s
    MATCH)."""
    if not items:
        raise ConsoleRefused("UNION needs a query on each side")
    clauses: list[Clause] = []
    for i, node in enumerate(items):
        before = _keyword(items, i - 1) if i else ""
        word = _keyword(items, i)
        starts = word in CLAUSES and not (
            (word == "with" and before in {"starts", "ends"})
            or (word == "match" and before == "optional")
        )
        if starts:
            assert isinstance(node, Token)
            clauses.append(Clause(word, node, []))
        elif not clauses:
            first = _text(node)
            raise ConsoleRefused(
                f"a query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, CALL or RETURN, "
                f"not {first!r}"
            )
        else:
            clauses[-1].body.append(node)
    return clauses


def _check_order(clauses: list[Clause]) -> None:
    """RETURN ends a query part, and only RETURN does (or a lone procedure call)."""
    last = clauses[-1]
    if any(c.keyword == "return" for c in clauses[:-1]):
        raise ConsoleRefused("RETURN must be the last clause")
    lone_call = len(clauses) == 1 and last.keyword == "call" and not _is_subquery(last)
    if last.keyword != "return" and not lone_call:
        raise ConsoleRefused("a query must end with RETURN")


def _check_clause(clause: Clause) -> None:
    """One clause's body, by its kind."""
    body = clause.body
    if clause.keyword == "optional":
        if not body or _word(body[0]) != "match":
            raise ConsoleRefused("OPTIONAL must be followed by MATCH")
        body = body[1:]
    if clause.keyword in {"match", "optional"}:
        split = next((i for i, n in enumerate(body) if _word(n) == "where"), len(body))
        _pattern(body[:split])
        _expression(body[split:], _CLAUSE_WORDS["match"])
    elif clause.keyword == "call":
        _call(body)
    else:
        if not body:
            raise ConsoleRefused(f"{clause.keyword.upper()} needs something after it")
        _expression(body, _CLAUSE_WORDS[clause.keyword])


def _is_subquery(clause: Clause) -> bool:
    first = clause.body[0] if clause.body else None
    return isinstance(first, Group) and first.open.text == "{"


def _call(body: list[Node]) -> None:
    """CALL { a query } or CALL of an allowed procedure, with YIELD and WHERE after it."""
    if body and isinstance(body[0], Group) and body[0].open.text == "{":
        for clauses in _statement(body[0].items):
            if clauses[-1].keyword != "return":
                raise ConsoleRefused("a CALL { } subquery must end with RETURN")
        rest = body[1:]
    else:
        name, rest = _qualified_name(body)
        if name.lower() not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            raise ConsoleRefused(f"only these procedures may be called: {allowed}")
        if rest and isinstance(rest[0], Group) and rest[0].open.text == "(":
            _expression([rest[0]], set())
            rest = rest[1:]
    if rest and _word(rest[0]) != "yield":
        raise ConsoleRefused(f"unexpected {_text(rest[0])!r} after CALL")
    _expression(rest[1:], _CLAUSE_WORDS["call"])


def _qualified_name(body: list[Node]) -> tuple[str, list[Node]]:
    """A dotted name at the start of body ("db.labels") and the nodes after it."""
    parts: list[str] = []
    i = 0
    while i < len(body) and isinstance(body[i], Token) and body[i].kind == "word":  # type: ignore[union-attr]
        parts.append(_text(body[i]))
        if i + 1 < len(body) and _text(body[i + 1]) == ".":
            i += 2
        else:
            i += 1
            break
    return ".".join(parts), body[i:]


def _pattern(items: list[Node]) -> None:
    """A MATCH pattern: nodes, relationships and path variables, nothing else."""
    if not items:
        raise ConsoleRefused("MATCH needs a pattern")
    for i, node in enumerate(items):
        after = items[i + 1] if i + 1 < len(items) else None
        if isinstance(node, Group):
            if node.open.text == "{":
                raise ConsoleRefused("a MATCH pattern holds no { } here")
            _group(items, i)
        elif node.kind == "word":
            if _text(after) == "=":
                continue  # a path variable: p = (a)-->(b)
            if node.lower in {"shortestpath", "allshortestpaths"} and isinstance(after, Group):
                continue
            raise ConsoleRefused(f"unexpected {node.text!r} in a MATCH pattern")
        elif node.text not in {"-", "<", ">", ",", "="}:
            raise ConsoleRefused(f"unexpected {node.text!r} in a MATCH pattern")


def _expression(items: list[Node], words: set[str], *, iterating: bool = False) -> None:
    """A run of operands and operators: two operands never touch (so no clause hides in
    one), only allowed functions are called, and groups inside are checked too."""
    for i, node in enumerate(items):
        word = _keyword(items, i)
        before = _keyword(items, i - 1) if i else ""
        if word in CLAUSES and not (word == "with" and before in {"starts", "ends"}):
            raise ConsoleRefused(f"{word.upper()} cannot appear here")
        if word in _OPERATORS and word not in words:
            raise ConsoleRefused(f"{word.upper()} cannot appear here")
        if i and _touches(items, i):
            raise ConsoleRefused(f"unexpected {_text(node)!r} at character {_start(node) + 1}")
        if isinstance(node, Group):
            _group(items, i, iterating=iterating)


def _touches(items: list[Node], i: int) -> bool:
    """Whether items[i] is an operand right after an operand, with no operator between
    (a function call, a subscript and a map projection are not)."""
    previous, node = items[i - 1], items[i]
    if _keyword(items, i) == "end":
        return False  # END closes an operand, it starts none
    if not (_is_operand(items, i - 1) and _is_operand(items, i)):
        return False
    if isinstance(node, Group):
        called = isinstance(previous, Token) and previous.kind == "word"
        return node.open.text == "(" and not called
    return True


def _is_operand(items: list[Node], i: int) -> bool:
    """A name, literal, parameter or bracket (END closes a CASE operand); keywords and
    symbols are not."""
    node = items[i]
    if isinstance(node, Group):
        return True
    if node.kind == "word":
        keyword = _keyword(items, i)
        return keyword not in _OPERATORS | CLAUSES or keyword == "end"
    return node.kind in {"number", "string", "name", "param"}


def _group(items: list[Node], i: int, *, iterating: bool = False) -> None:
    """What a bracket holds: a function's arguments, a list, a map, a node or relationship
    pattern, or an iteration; each checked as an expression."""
    group = items[i]
    assert isinstance(group, Group)
    before = items[i - 1] if i else None
    function = _called(items, i)
    if function in _ITERATING and iterating:
        raise ConsoleRefused(_NESTED)
    if group.open.text == "[" and _text(before) in {"-", "<"}:
        _relationship(group)
    if function in _ITERATING or _is_comprehension(group):
        source, body = _iteration(group.items)
        _expression(source, _INNER_WORDS, iterating=iterating)
        _expression(body, _INNER_WORDS, iterating=True)
    else:
        _expression(group.items, _INNER_WORDS, iterating=iterating)


def _called(items: list[Node], i: int) -> str:
    """The function items[i] holds the arguments of ("" if it holds none); refused unless
    it is an allowed reading function."""
    group, before = items[i], items[i - 1] if i else None
    assert isinstance(group, Group)
    if group.open.text != "(" or not isinstance(before, Token) or before.kind != "word":
        return ""
    if not _is_operand(items, i - 1):
        return ""  # "WHERE (", "AND (": a parenthesis, not a call
    if i > 1 and _text(items[i - 2]) == ".":
        raise ConsoleRefused(f"the function ...{before.text}() is not allowed in the console")
    _function(before, group)
    return before.lower


def _iteration(items: list[Node]) -> tuple[list[Node], list[Node]]:
    """An iteration's source ("x IN <source>", a pattern) and its body (after WHERE or |),
    which runs once per element."""
    split = next(
        (j for j, n in enumerate(items) if _keyword(items, j) == "where" or _text(n) == "|"),
        len(items),
    )
    return items[:split], items[split:]


def _is_comprehension(group: Group) -> bool:
    """[x IN list ...] or a pattern comprehension [(a)-->(b) | ...]."""
    items = group.items
    if group.open.text != "[" or not items:
        return False  # a list literal, or a subscript
    return (len(items) > 1 and _word(items[1]) == "in") or any(_text(n) == "|" for n in items)


def _function(name: Token, arguments: Group) -> None:
    """A call of an allowed reading function; range() of bounded, written-out size."""
    if name.lower in _NO_CALL:
        raise ConsoleRefused(_NO_CALL[name.lower])
    if name.lower not in functions():
        raise ConsoleRefused(f"the function {name.text}() is not allowed in the console")
    if name.lower == "range":
        _check_range(arguments.items)


def _check_range(items: list[Node]) -> None:
    """range(start, end[, step]) with whole-number literals, at most MAX_RANGE numbers."""
    values: list[int] = []
    sign = 1
    for node in items:
        if _text(node) == "-" and sign == 1:
            sign = -1
        elif isinstance(node, Token) and node.kind == "number" and node.text.isdigit():
            values.append(sign * int(node.text))
            sign = 1
        elif _text(node) != ",":
            raise ConsoleRefused("range() takes whole numbers written out in the console")
    if len(values) not in {2, 3} or (len(values) == 3 and values[2] == 0):
        raise ConsoleRefused("range() takes a start, an end and a non-zero step")
    start, end, step = (*values, 1)[:3]
    if len(range(start, end + (1 if step > 0 else -1), step)) > MAX_RANGE:
        raise ConsoleRefused(f"range() may produce at most {MAX_RANGE:,} numbers")


def _relationship(group: Group) -> None:
    """Variable-length relationships ("-[*]-", "-[:R*2..]-") bounded by MAX_HOPS."""
    items = group.items
    for i, node in enumerate(items):
        if _text(node) == "*":
            hops = _hops(items[i + 1 : i + 4])
            if hops is None or hops > MAX_HOPS:
                raise ConsoleRefused(f"variable-length paths may be at most {MAX_HOPS} hops long")


def _hops(after: list[Node]) -> int | None:
    """The most hops of "*3", "*2..5", "*..5" after the star (None: "*", "*2..")."""
    texts = [_text(n) for n in after] + ["", "", ""]
    if texts[0] == "..":
        return int(texts[1]) if texts[1].isdigit() else None
    if not texts[0].isdigit():
        return None
    if texts[1] == "..":
        return int(texts[2]) if texts[2].isdigit() else None
    return int(texts[0])


def _capped(query: str, parts: list[list[Clause]], params: Mapping[str, Any], cap: int) -> str:
    """The query with each part's final RETURN limited to at most cap rows."""
    edits: list[tuple[int, int, str]] = []
    for clauses in parts:
        last = clauses[-1]
        if last.keyword != "return":
            continue  # a lone call of a listing procedure
        edits.append(_limit_edit(last, params, cap))
    text = query
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text.strip().rstrip(";").rstrip()


def _limit_edit(clause: Clause, params: Mapping[str, Any], cap: int) -> tuple[int, int, str]:
    """Where to write the RETURN's LIMIT, and what: the lower of its own and cap."""
    body = clause.body
    at = next((i for i in range(len(body)) if _keyword(body, i) == "limit"), None)
    if at is None:
        end = _end(body[-1]) if body else clause.first.end
        return end, end, f" LIMIT {cap}"
    given = body[at + 1 :]
    limit = _whole_number(given, params)
    return _start(given[0]), _end(given[-1]), str(min(limit, cap))


def _whole_number(items: list[Node], params: Mapping[str, Any]) -> int:
    """The value of a LIMIT: a whole-number literal, or a parameter holding one."""
    if len(items) == 1 and isinstance(items[0], Token):
        token = items[0]
        if token.kind == "number" and token.text.isdigit():
            return int(token.text)
        value = params.get(token.text[1:].strip("`")) if token.kind == "param" else None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    raise ConsoleRefused("LIMIT takes a whole number (written out, or a parameter)")


def _word(node: Node | None) -> str:
    return node.lower if isinstance(node, Token) and node.kind == "word" else ""


def _keyword(items: list[Node], i: int) -> str:
    """The word at items[i] as a keyword; "" for other nodes and for names after "." or
    ":" (n.limit, (n:Match) are a property and a label)."""
    if i > 0 and _text(items[i - 1]) in {".", ":"}:
        return ""
    return _word(items[i])


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    return node.text if isinstance(node, Token) else node.open.text


def _start(node: Node) -> int:
    return node.start if isinstance(node, Token) else node.open.start


def _end(node: Node) -> int:
    return node.end if isinstance(node, Token) else node.close.end


@cache
def functions() -> frozenset[str]:
    """The reading functions the console allows (data/console_functions.txt)."""
    text = resources.files("graph").joinpath("data/console_functions.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
