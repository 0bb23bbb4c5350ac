"""A checker of CSV files for `neo4j-admin database import full`, written from Neo4j's
operations manual ("Import header format", "Full import"): no Neo4j can run here, so the
export is held to the documented grammar instead.

Header fields are `<name>:<field_type>`: the keywords ID, LABEL, START_ID, END_ID, TYPE and
IGNORE (ID, START_ID and END_ID may name an ID space in parentheses), or a property type,
optionally an array (`[]`); a field with no type is a string property. Node files have one
ID, relationship files one START_ID, END_ID and TYPE. Arrays and labels are split by `;`,
a boolean is true only as exactly `true` (so anything but `true` or `false` is refused here),
fields are quoted as RFC 4180 says and may span lines (--multiline-fields=true). ID spaces
are used by every ID or by none (the tool refuses a mix), ids are unique in their space, and
every relationship's ends exist.
"""

import csv
import io
import re
from dataclasses import dataclass, field

KEYWORDS = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
GROUPED = {"ID", "START_ID", "END_ID"}
PROPERTY_TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "localtime", "time", "localdatetime", "datetime", "duration", "vector",
}  # fmt: skip
ARRAY_DELIMITER = ";"
_FIELD = re.compile(
    r"(?P<name>[^:]*)"
    r"(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<group>[^()]*)\))?(?P<options>\{.*\})?)?"
)
_INTEGERS = {"int", "long", "short", "byte"}


@dataclass(frozen=True)
class Field:
    """One header field: a keyword (uppercase) or a property with its type."""

    name: str
    type: str
    array: bool = False
    group: str | None = None

    @property
    def keyword(self) -> bool:
        return self.type in KEYWORDS


def parse_field(text: str) -> Field:
    """A header field by the documented grammar; ValueError says what is wrong."""
    match = _FIELD.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not <name>:<field_type>")
    name, kind = match["name"], match["type"] or "string"
    if kind not in KEYWORDS and kind not in PROPERTY_TYPES:
        raise ValueError(f"{text!r}: unknown field type {kind!r}")
    if match["array"] and kind in KEYWORDS:
        raise ValueError(f"{text!r}: only a property can be an array")
    if match["group"] is not None and kind not in GROUPED:
        raise ValueError(f"{text!r}: only ID, START_ID and END_ID take an ID space")
    if kind not in KEYWORDS and not name:
        raise ValueError(f"{text!r}: a property needs a name")
    return Field(name, kind, bool(match["array"]), match["group"])


@dataclass
class CsvSource:
    """One data source as the tool reads it: its header, then its rows."""

    name: str
    fields: list[Field]
    rows: list[list[str]]

    def of(self, kind: str) -> list[int]:
        """Positions of the fields of a keyword."""
        return [i for i, f in enumerate(self.fields) if f.type == kind]


@dataclass
class Checked:
    """What the check found: the problems, and the ids per ID space."""

    errors: list[str] = field(default_factory=list)
    ids: dict[str | None, set[str]] = field(default_factory=dict)


def read_source(name: str, text: str) -> CsvSource:
    """A file's header fields and rows (a header error raises ValueError)."""
    header, *rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    fields = [parse_field(f) for f in header]
    names = [f.name for f in fields if not f.keyword]
    if len(names) != len(set(names)):
        raise ValueError(f"{name}: a property appears twice in the header")
    return CsvSource(name, fields, rows)


def check_import(nodes: dict[str, str], relationships: dict[str, str]) -> Checked:
    """Check node and relationship files (name -> text) as one import."""
    checked = Checked()
    try:
        node_sources = [read_source(n, t) for n, t in nodes.items()]
        rel_sources = [read_source(n, t) for n, t in relationships.items()]
    except ValueError as err:
        checked.errors.append(str(err))
        return checked
    for source in node_sources:
        _check_node_source(source, checked)
    _check_groups(node_sources, rel_sources, checked)
    for source in rel_sources:
        _check_relationship_source(source, checked)
    return checked


def _check_node_source(source: CsvSource, checked: Checked) -> None:
    ids = source.of("ID")
    if len(ids) != 1:
        checked.errors.append(f"{source.name}: a node file needs exactly one ID field")
        return
    if source.of("START_ID") or source.of("END_ID") or source.of("TYPE"):
        checked.errors.append(f"{source.name}: relationship fields in a node file")
    group = source.fields[ids[0]].group
    seen = checked.ids.setdefault(group, set())
    for number, row in _rows(source, checked):
        key = row[ids[0]]
        if not key or key in seen:
            checked.errors.append(f"{source.name}:{number}: id {key!r} empty or not unique")
        seen.add(key)
        for position in source.of("LABEL"):
            if not all(row[position].split(ARRAY_DELIMITER)):
                checked.errors.append(f"{source.name}:{number}: an empty label")


def _check_relationship_source(source: CsvSource, checked: Checked) -> None:
    ends = {kind: source.of(kind) for kind in ("START_ID", "END_ID", "TYPE")}
    if any(len(positions) != 1 for positions in ends.values()):
        checked.errors.append(f"{source.name}: needs one START_ID, END_ID and TYPE field")
        return
    if source.of("ID") or source.of("LABEL"):
        checked.errors.append(f"{source.name}: node fields in a relationship file")
    for number, row in _rows(source, checked):
        if not row[ends["TYPE"][0]]:
            checked.errors.append(f"{source.name}:{number}: no relationship type")
        for kind in ("START_ID", "END_ID"):
            position = ends[kind][0]
            group = source.fields[position].group
            if row[position] not in checked.ids.get(group, set()):
                checked.errors.append(
                    f"{source.name}:{number}: {kind} {row[position]!r} is no node of {group}"
                )


def _check_groups(nodes: list[CsvSource], rels: list[CsvSource], checked: Checked) -> None:
    """ID spaces: used by every ID field or by none."""
    grouped = {
        f.group is not None
        for source in (*nodes, *rels)
        for f in source.fields
        if f.type in GROUPED
    }
    if len(grouped) > 1:
        checked.errors.append("ID spaces are given for some ID fields and not others")


def _rows(source: CsvSource, checked: Checked) -> list[tuple[int, list[str]]]:
    """The rows with as many fields as the header and values of their declared types."""
    good = []
    for number, row in enumerate(source.rows, start=2):
        if len(row) != len(source.fields):
            checked.errors.append(
                f"{source.name}:{number}: {len(row)} fields, the header has {len(source.fields)}"
            )
            continue
        for f, value in zip(source.fields, row, strict=True):
            problem = None if f.keyword else _value_problem(f, value)
            if problem:
                checked.errors.append(f"{source.name}:{number}: {f.name}: {problem}")
        good.append((number, row))
    return good


def _value_problem(f: Field, value: str) -> str | None:
    """Why a value does not parse as its field's type (an empty field is no value)."""
    if not value:
        return None
    items = value.split(ARRAY_DELIMITER) if f.array else [value]
    for item in items:
        try:
            if f.type in _INTEGERS:
                int(item)
            elif f.type in {"float", "double"}:
                float(item)
            elif f.type == "boolean" and item not in {"true", "false"}:
                return f"{item!r} is not true or false"
            elif f.type == "char" and len(item) != 1:
                return f"{item!r} is not one character"
        except ValueError:
            return f"{item!r} is not a {f.type}"
    return None
