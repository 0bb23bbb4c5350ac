"""Text normalisation shared by identity, resolution and search."""

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent- and case-insensitive key: NFKD, combining marks dropped, casefolded; a plus
    sign is a word ("OPEC+" is "opec plus", another body than OPEC). Cached: extraction
    folds the same names thousands of times an article."""
    decomposed = unicodedata.normalize("NFKD", text.replace("+", " plus "))  # OPEC+, not OPEC
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", stripped)).strip()


def slugify(text: str) -> str:
    """Stable id for a canonical name: `Viktor Orbán` -> `viktor-orban`."""
    return fold(text).replace("_", " ").replace(" ", "-") or "unnamed"


def is_acronym(name: str) -> bool:
    """Whether a name is capitals only ("EU", "U.S.", "IAEA"), as acronyms are written."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


# Words an acronym may leave out: "Association of the British Pharmaceutical Industry" is
# the ABPI, "Committee on Foreign Investment in the United States" CFIUS.
_UNLETTERED = {"of", "the", "and", "for", "in", "on", "to", "at", "a", "an", "&", "de", "du",
               "des", "la", "le", "del", "der"}  # fmt: skip


def initials(name: str) -> set[str]:
    """The acronyms a name can go by: its words' first letters, with or without the small
    words ("Federal Trade Commission" -> FTC; "People's Party" -> PP)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalnum()]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _UNLETTERED).upper()
    return {every, content} if len(words) > 1 else set()


def normalise_text(text: str) -> str:
    """Whitespace-normalised NFC text without control characters: what identity hashes."""
    return _SPACES.sub(" ", _CONTROL.sub("", unicodedata.normalize("NFC", text))).strip()


def digest(text: str, length: int = 16) -> str:
    """Short hex SHA-256 of a string."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]
