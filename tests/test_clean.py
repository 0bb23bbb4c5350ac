"""Cleaning pages: keep the body, drop the rest, find title, date and outlet."""

import pytest

from loaders.article import RawArticle
from loaders.clean import article_id, byline_authors, clean
from loaders.dates import dateline_end, find_date
from loaders.pipeline import Extractor

BODY_1 = (
    "A lasting peace can only be achieved if Russia receives security guarantees "
    "from the West, the minister in charge of the office has said."
)
BODY_2 = (
    "Speaking at a students' event on Saturday, he stated that the talks had no "
    "realistic chance of success without the involvement of the United States."
)
PAGE = "\n".join(
    [
        "menu icon home icon search icon share icon " * 6,
        "3 Sep, 2023 07:38",
        "HomeWorld News",
        "EU nation calls for security guarantees for Russia",
        "The head of the prime minister's office spoke at a students' event",
        "EU nation calls for security guarantees for Russia",
        "The minister speaks at a press conference in Budapest. © John Doe / AFP",
        BODY_1,
        "Another story entirely about something else",
        "Read more",
        "Another story entirely about something else",
        BODY_2,
        "Top stories",
        "An unrelated feature about a space mission that aims to stop the threat from the Sun.",
    ]
)


def _clean(text: str, **meta: str) -> object:
    return clean(RawArticle(origin="test", text=text, **meta))


def test_clean_keeps_body_title_and_standfirst() -> None:
    article = _clean(PAGE)
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        "EU nation calls for security guarantees for Russia",
        "The head of the prime minister's office spoke at a students' event",
        BODY_1,
        BODY_2,
    ]
    assert article.title == "EU nation calls for security guarantees for Russia"
    assert article.published == "2023-09-03"


def test_clean_records_what_it_dropped() -> None:
    dropped = _clean(PAGE).dropped
    assert "Read more" in dropped
    assert "Top stories" in dropped
    assert any("© John Doe" in line for line in dropped)
    assert any("space mission" in line for line in dropped)


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("MOSCOW, Dec 31 - RIA Novosti. ", "RIA Novosti"),
        ("BRUSSELS, Oct 20 (Reuters) - ", "Reuters"),
        ("ANKARA (AP) — ", "AP"),
        ("LAGOS, Nigeria (AP) — ", "AP"),
    ],
)
def test_clean_dateline_gives_outlet(dateline: str, outlet: str) -> None:
    article = _clean(dateline + BODY_1)
    assert article.source == outlet
    assert article.published is None  # no year in the dateline


def test_clean_byline_gives_outlet_and_dateline_gives_date() -> None:
    text = "By Jane Doe, Balkan Insight\n\nSkopje, 18 August 2023 – " + BODY_1
    article = _clean(text)
    assert (article.source, article.published) == ("Balkan Insight", "2023-08-18")


def test_clean_given_metadata_wins() -> None:
    article = _clean(BODY_1, title="Given title", source="RT", published="2022-02-02T10:00:00Z")
    assert article.title == "Given title"
    assert article.text.startswith("Given title\n\n")
    assert (article.source, article.published) == ("RT", "2022-02-02")


def test_clean_id_from_url_else_text() -> None:
    with_url = _clean(BODY_1, url="https://example.org/a")
    assert with_url.id == article_id("https://example.org/a", "anything")
    same_text = _clean(BODY_1 + "  ")
    assert same_text.id == _clean(BODY_1).id
    assert _clean(BODY_1).content_hash != _clean(BODY_2).content_hash


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 Sep, 2023 07:38", "2023-09-03"),
        ("02 February, 2022, 12:00 pm", "2022-02-02"),
        ("February 2, 2022", "2022-02-02"),
        ("Published 2021-12-31T08:00:00Z", "2021-12-31"),
        ("Tuesday, February 27", None),
        ("31 Feb, 2022", None),
    ],
)
def test_clean_dates(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


def test_clean_byline_names_its_writers() -> None:
    assert byline_authors(["Headline", "", "By Jane Doe and Ali Khan, Balkan Insight"]) == [
        "Jane Doe",
        "Ali Khan",
    ]
    assert byline_authors(["Headline", "", "Skopje, 18 August 2023 – talks resumed."]) == []
    assert byline_authors(["Headline", "By Jane Doe", "Balkan Insight"]) == ["Jane Doe"]
    assert byline_authors(["Headline", "By Jane Doe | May 4, 2024"]) == ["Jane Doe"]
    assert byline_authors(["Headline", "By large majorities, the court told Israel"]) == []


def test_clean_a_lone_byline_credits_the_outlet_on_its_next_line() -> None:
    article = _clean("By Jane Doe\nBalkan Insight\n\nSkopje, 18 August 2023 – " + BODY_1)
    assert article.source == "Balkan Insight"
    article = _clean("By Jane Doe, Skopje bureau\n\nSkopje, 18 August 2023 – " + BODY_1)
    assert article.source != "Skopje bureau"


def test_clean_a_byline_writer_is_a_person_of_the_article(extractor: Extractor) -> None:
    article = _clean("By Jane Doe, Balkan Insight\n\nSkopje, 18 August 2023 – " + BODY_1)
    [fragment] = extractor.extract([article])
    assert {"Jane Doe": "Person"}.items() <= {
        e.name: e.label.value for e in fragment.entities
    }.items()


def test_clean_a_file_without_url_is_known_by_its_path_not_its_text() -> None:
    first = _clean(BODY_1, key="articles/a.txt")
    edited = _clean(BODY_2, key="articles/a.txt")
    assert first.id == edited.id == article_id(None, "anything", "articles/a.txt")
    assert first.id != _clean(BODY_1, key="articles/b.txt").id
    assert first.former_id == _clean(BODY_1).id  # the id the text alone gave it before
    with_url = _clean(BODY_1, key="articles/a.txt", url="https://example.org/a")
    assert with_url.id == article_id("https://example.org/a", "anything")  # the URL wins
    assert with_url.former_id is None and _clean(BODY_1).former_id is None


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Seoul, Oct. 31 -- The ministers spoke.", "The ministers spoke."),
        ("LONDON — The talks ended.", "The talks ended."),
        ("Nairobi, 3 March 2024 – Talks resumed.", "Talks resumed."),
        ("BEIJING, March 5 (Xinhua) -- China said.", "China said."),
        ("RIYADH/WASHINGTON, April 3 - Saudi Arabia said.", "Saudi Arabia said."),
        ("CAIRO/JERUSALEM - Within hours, talks resumed.", "Within hours, talks resumed."),
        ("Putin - the man of the hour - spoke.", None),
        ("Ukraine – the war goes on.", None),
        # a live blog's entry opens with its time
        ("08:55 - Blinken says the talks went well", "Blinken says the talks went well"),
        ("14:30 GMT — Scholz speaks", "Scholz speaks"),
        ("The vote is at 14:30 - or later.", None),
    ],
)
def test_dateline_end_finds_where_the_story_starts(text: str, story: str | None) -> None:
    end = dateline_end(text)
    assert (text[end:] if end is not None else None) == story


def test_clean_an_outlet_credited_in_a_dateline_is_an_organization(extractor: Extractor) -> None:
    article = _clean("MOSCOW (Sputnik) - " + BODY_1)
    [fragment] = extractor.extract([article])
    labels = {e.name: e.label.value for e in fragment.entities}
    assert labels.get("Sputnik") == "Organization"
    assert "Place" in {labels.get("MOSCOW"), labels.get("Moscow")}  # where it was written


@pytest.mark.parametrize(
    "paragraph",
    [
        "Russia blamed Ukraine for the crisis.",
        "Thailand and Cambodia agreed on Monday to a ceasefire.",
        "IAEA Director General Rafael Grossi told the board it was so.",
    ],
)
def test_paragraph_start_keeps_its_first_word_in_the_sentence(
    extractor: Extractor, paragraph: str
) -> None:
    """A paragraph starts a sentence, which runs on past its first word."""
    doc = extractor.nlp(f"A headline\n\n{paragraph}\n\nIt was late.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["A headline", paragraph, "It was late."]


def test_clean_a_live_blogs_time_is_no_part_of_a_name(extractor: Extractor) -> None:
    text = "20:30 - Netanyahu rejects the plan\nNetanyahu rejected the ceasefire plan."
    [fragment] = extractor.extract([_clean(text)])
    assert "Benjamin Netanyahu" in {e.name for e in fragment.entities}
    assert not any(":" in e.name for e in fragment.entities)
