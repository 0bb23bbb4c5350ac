"""Query and path parameter types shared by the routes.

Free text may not carry control characters (a NUL cannot reach the engine),
dates are strictly YYYY-MM-DD, and every string has a length limit.
"""

from datetime import date
from typing import Annotated

from fastapi import Path, Query

from service.errors import Unprocessable

PLAIN = r"^[^\x00-\x1f\x7f]*$"
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MAX_TEXT = 200

Day = Annotated[
    str | None, Query(pattern=ISO_DATE, description="YYYY-MM-DD", examples=["2022-02-02"])
]
EntityId = Annotated[str, Path(min_length=1, max_length=MAX_TEXT, pattern=PLAIN)]
EntityName = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_TEXT,
        pattern=PLAIN,
        description="an id, name, alias or surname, in any accents, case or romanisation",
        examples=["vladimir-putin", "Orban"],
    ),
]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=100_000)]


def text(description: str, *, alias: str | None = None, min_length: int = 0):  # type: ignore[no-untyped-def]
    """A free-text query parameter."""
    return Query(
        alias=alias,
        min_length=min_length,
        max_length=MAX_TEXT,
        pattern=PLAIN,
        description=description,
    )


def day(value: str | None) -> str | None:
    """A Day parameter checked to be a real date (2022-02-31 is refused)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise Unprocessable(f"{value!r} is not a date (YYYY-MM-DD)") from err
