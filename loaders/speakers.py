"""Who a sentence reports as speaking: "X said ...", "..., X said", "according to X",
a headline's "...: Putin"; a quotation running over several sentences has one speaker."""

from spacy.tokens import Span, Token

from loaders import cues
from loaders.arguments import Context, resolve_actor, subject_of
from loaders.ontology import Label

# Who a sentence quotes when it names no one the article knows: "a government spokesman
# said", "the official told reporters". Their words are no one's in the graph.
UNNAMED = "\x00unnamed"


def speaker_of(sentence: Span, ctx: Context) -> str | None:
    """Who the sentence reports as speaking: "X said ...", "..., X said", "according to X",
    or a headline's "...: Putin"; UNNAMED for someone described but not named."""
    headline = _headline_speaker(sentence, ctx)
    if headline:
        return headline
    for token in sentence:
        if token.lemma_ in cues.SAYING and token.pos_ == "VERB":
            subject = subject_of(token)
            actor = resolve_actor(subject, ctx, None) if subject is not None else None
            if actor:
                return actor
            if subject is not None and subject.pos_ == "NOUN":
                return UNNAMED  # "'...,' a government spokesman said"
        if (worded := _in_the_words_of(token, ctx)) is not None:
            return worded
        if token.lower_ == "according" and token.i + 2 <= sentence.end:
            for child in token.subtree:
                actor = ctx.entity(child) if child.dep_ == "pobj" else None
                if actor:
                    return actor
    return None


def _in_the_words_of(token: Token, ctx: Context) -> str | None:
    """ "In his words, ...", "in the words of X", "in Baghaei's words": whose words the
    sentence reports."""
    if token.lower_ != "words" or token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return resolve_actor(child, ctx, None)
        if child.dep_ == "prep" and child.lower_ == "of":
            owner = next((o for o in child.children if o.dep_ == "pobj"), None)
            return resolve_actor(owner, ctx, None) if owner is not None else None
    return None


OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}


def quoted_speakers(sentences: list[Span], speakers: list[str | None]) -> list[str | None]:
    """Speakers with each quotation's speaker given to all its sentences: in
    "“Tension must be reduced. ... We hope it will continue,” he said." the first
    sentence is his too. A quotation ends at its closing mark or its paragraph; a paragraph
    that is a quotation of no one named goes on quoting whoever the quotation just before
    it quoted (news carries one speaker's quotes over several paragraphs)."""
    out = list(speakers)
    run: list[int] = []
    quoted_last: str | None = None  # who the quotation that just ended quoted
    for index, sentence in enumerate(sentences):
        run.append(index)
        still_open = _open_after(sentence, bool(run[:-1]))
        paragraph_ends = (
            index + 1 < len(sentences)
            and "\n" in sentence.doc[sentence.end - 1 : sentences[index + 1].start + 1].text
        )
        if not still_open or paragraph_ends:
            credited = next((out[i] for i in reversed(run) if out[i]), None)
            if credited is None and _opens_with_quote(sentences[run[0]]):
                credited = quoted_last
            for i in run:
                out[i] = out[i] or credited
            quoted_last = credited if _has_quote(sentences, run) else None
            run = []
    return out


def _opens_with_quote(sentence: Span) -> bool:
    first = next((t for t in sentence if not t.is_space), None)
    return first is not None and (first.text in OPENING_QUOTES or first.text == '"')


def _has_quote(sentences: list[Span], run: list[int]) -> bool:
    return any(t.text in OPENING_QUOTES | {'"'} for i in run for t in sentences[i])


def _open_after(sentence: Span, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    is_open = open_before
    for token in sentence:
        if token.text in OPENING_QUOTES:
            is_open = True
        elif token.text in CLOSING_QUOTES:
            is_open = False
        elif token.text == '"':
            is_open = not is_open
    return is_open


def _headline_speaker(sentence: Span, ctx: Context) -> str | None:
    """ "West ignored Russia's key demands: Putin": a person named alone after a colon."""
    colons = [t.i for t in sentence if t.text == ":"]
    if not colons:
        return None
    tail = [
        t for t in sentence.doc[colons[-1] + 1 : sentence.end] if not (t.is_punct or t.is_space)
    ]
    people = {ctx.entity(t, {Label.PERSON}) for t in tail}
    return people.pop() if len(people) == 1 and None not in people else None
