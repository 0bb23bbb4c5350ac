"""One key for the ways a Cyrillic name is romanised: Zelensky, Zelenskyy and Zelenskiy.

The rules are data (data/romanisation.json): each a regular expression on the folded
name with why it exists and examples it must join. They fold the choices romanisation
systems differ on, not particular people, so the key joins spellings of a name and,
rarely, two names; callers use it only after exact names failed, and say when a key
names several entities.
"""

import json
import re
from functools import cache
from importlib import resources

from loaders.text import fold

_SIGNS = re.compile("['’ʼʹ″\"]")  # soft and hard signs: Il'ich, Ilyich


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    text = resources.files("graph").joinpath("data/romanisation.json").read_text("utf-8")
    return tuple((re.compile(r["pattern"]), r["replace"]) for r in json.loads(text)["rules"])


def romanised(name: str) -> str:
    """The romanisation key of a name: folded, soft signs dropped, then the rules in order."""
    return respelled(unsigned(name))


def unsigned(name: str) -> str:
    """A name folded with its soft and hard signs dropped ("Il'ich" -> "ilich")."""
    return fold(_SIGNS.sub("", name))


def respelled(folded: str) -> str:
    """A folded name with the rules applied in order."""
    for pattern, replace in _rules():
        folded = pattern.sub(replace, folded)
    return folded
