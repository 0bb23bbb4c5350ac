"""Cypher text as tokens, read as Cypher's own lexer reads it: left to right, in one pass.

A comment, a string literal (with its backslash escapes) or a backticked name is one
thing from its opening mark to its closing one, so nothing inside it can open or close
anything else ("// it's" opens no string, "`a'b`" is one name). Text this lexer cannot
read (an unclosed string, name or comment; a character outside ASCII anywhere but in a
string literal) is refused as a LexError, so nothing it did not read reaches an engine.
"""

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t\r\n\f\v]+)
    | (?P<comment>//[^\n]*|/\*.*?\*/)
    | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<name>`(?:[^`]|``)*`)
    | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|`(?:[^`]|``)*`))
    | (?P<number>0[xX][0-9a-fA-F]+|0[oO][0-7]+|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<bad>/\*|['"`$])
    | (?P<symbol>\.\.|<>|<=|>=|=~|\+=|[-+*/%^=<>(){}\[\].,:;|!&~])
    """,
    re.S | re.X,
)
_UNCLOSED = {
    "'": "a string",
    '"': "a string",
    "`": "a backticked name",
    "/": "a comment",
    "$": "a parameter name",
}


class LexError(ValueError):
    """The text is not Cypher this lexer can read; the message says where and why."""


@dataclass(frozen=True)
class Token:
    """A piece of code: its kind (word, number, string, name, param, symbol), its text,
    and where it sits in the query (start, end offsets)."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokens(query: str) -> list[Token]:
    """The query's code: comments and spaces dropped, every string, name and parameter
    one token whatever it holds."""
    found: list[Token] = []
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        kind = match.lastgroup if match else "bad"
        if match is None or kind == "bad":
            raise LexError(_unreadable(query, position))
        if kind not in {"space", "comment"}:
            text = match.group(0)
            if kind != "string" and not text.isascii():
                raise LexError("non-ASCII characters are allowed only inside string literals")
            found.append(Token(kind, text, match.start(), match.end()))
        position = match.end()
    return found


def _unreadable(query: str, position: int) -> str:
    """Why the text at position cannot be read."""
    char = query[position]
    if query.startswith("/*", position):
        char = "/"
    if char in _UNCLOSED:
        return f"{_UNCLOSED[char]} is not closed or not valid (at character {position + 1})"
    if not char.isascii():
        return "non-ASCII characters are allowed only inside string literals"
    return f"unexpected character {char!r} at character {position + 1}"
