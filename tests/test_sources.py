"""Reading inputs: every bad input becomes a one-line failure, never an exception."""

import json
from pathlib import Path

import pytest

from loaders.article import LoadFailure, RawArticle
from loaders.fragment import GraphFragment
from loaders.sources import Loaded, read_paths
from tests.conftest import fragment_line


def _read(*paths: Path | str) -> list[Loaded]:
    return list(read_paths(paths))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("latin1.txt", "Orbán said no.".encode("latin-1"), "not UTF-8 text"),
        ("doc.pdf", b"%PDF-1.7", "unsupported file type"),
    ],
)
def test_sources_bad_file_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [result] = _read(path)
    assert isinstance(result, LoadFailure)
    assert result.reason.startswith(reason)
    assert result.origin == str(path)


def test_sources_missing_path() -> None:
    [result] = _read("/no/such/article.txt")
    assert isinstance(result, LoadFailure)
    assert result.reason == "no such file or directory"


def test_sources_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article")
    [result] = _read(tmp_path)
    assert isinstance(result, LoadFailure)
    assert "no article files" in result.reason


def test_sources_folder_reads_nested_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article text.")
    (tmp_path / "1.txt").write_text("First article text.")
    results = _read(tmp_path)
    assert [r.text for r in results if isinstance(r, RawArticle)] == [
        "First article text.",
        "Second article text.",
    ]


def test_sources_jsonl_broken_line_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "Putin met Orbán.", "title": "Talks", "url": "https://example.org/a"}\n'
        "{not json\n"
        '{"title": "no text"}\n'
        "\n"
        '{"text": "NATO rejected the demand.", "published": "2022-02-02", "source": "RT"}\n'
    )
    results = _read(path)
    assert [type(r).__name__ for r in results] == [
        "RawArticle",
        "LoadFailure",
        "LoadFailure",
        "RawArticle",
    ]
    assert results[1].origin == f"{path}:2" and results[1].reason == "invalid JSON"
    assert "text" in results[2].reason
    assert results[0].url == "https://example.org/a"
    assert results[3].source == "RT"


def test_sources_html_drops_scripts_and_reads_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Site | Headline</title>"
        '<meta property="og:title" content="Orbán meets Putin">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2022-02-01T10:00:00Z">'
        '<link rel="canonical" href="https://example.org/orban-putin">'
        "<script>var tracking = 'Putin';</script><style>p {color: red}</style></head>"
        "<body><nav>Home World Sport</nav><article><h1>Orbán meets Putin</h1>"
        "<p>Hungarian Prime Minister Viktor Orbán met Vladimir Putin in Moscow.</p>"
        "</article><footer>All rights reserved</footer></body></html>"
    )
    [article] = _read(path)
    assert isinstance(article, RawArticle)
    assert "tracking" not in article.text and "color" not in article.text
    assert "Home World Sport" not in article.text and "rights" not in article.text
    assert "Viktor Orbán met Vladimir Putin" in article.text
    assert article.title == "Orbán meets Putin"
    assert article.source == "Example News"
    assert article.url == "https://example.org/orban-putin"
    assert article.published == "2022-02-01T10:00:00Z"


def test_sources_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body></body></html>")
    [result] = _read(path)
    assert isinstance(result, LoadFailure)
    assert result.reason == "no article text"


def test_sources_text_file_reads_date_and_outlet_from_its_side_meta(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nTatra Post, 26 October 2023\n\nBody.\n")
    (tmp_path / "a.meta.json").write_text(
        '{"url": "https://example.org/a", "outlet": "Tatra Post", "published": "2023-10-26",'
        ' "title": "Headline"}'
    )
    [article] = read_paths([tmp_path])
    assert isinstance(article, RawArticle)
    assert (article.source, article.published, article.url) == ("Tatra Post", "2023-10-26", None)


@pytest.mark.parametrize("meta", ["not json", '["a list"]', '{"outlet": 3}'])
def test_sources_unreadable_side_meta_leaves_the_article(tmp_path: Path, meta: str) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody.\n")
    (tmp_path / "a.meta.json").write_text(meta)
    [article] = read_paths([tmp_path])
    assert isinstance(article, RawArticle)
    assert article.source is None


def test_sources_jsonl_reads_fragments_beside_articles(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    broken = json.loads(fragment_line())
    broken["entities"][0]["label"] = "Planet"
    path.write_text(
        "\n".join(
            [
                fragment_line(),
                '{"text": "NATO rejected the demand."}',
                fragment_line("art-2", evidence_of="art-1"),
                json.dumps(broken),
                '{"article": {"id": "art-3"}}',
            ]
        )
    )
    fragment, article, other, planet, partial = _read(path)
    assert isinstance(fragment, GraphFragment) and fragment.article.id == "art-1"
    assert fragment.relations[0].evidence[0].extractor == "test"
    assert isinstance(article, RawArticle)
    assert isinstance(other, LoadFailure) and "article other than 'art-2'" in other.reason
    assert isinstance(planet, LoadFailure) and planet.reason.startswith(
        "invalid fragment: entities.0.label"
    )
    assert isinstance(partial, LoadFailure) and "invalid article object: text" in partial.reason


def _keys(*paths: Path | str) -> list[str | None]:
    return [r.key for r in read_paths(paths) if isinstance(r, RawArticle)]


def test_sources_a_file_is_known_by_its_path_from_the_folder_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data" / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("First article text.")
    (folder / "sub" / "b.html").write_text("<p>Second article text.</p>")
    (folder / "feed.jsonl").write_text('{"text": "A line of a feed."}\n')
    assert _keys(folder) == ["articles/a.txt", None, "articles/sub/b.html"]  # jsonl: no key
    assert _keys(folder / "a.txt") == ["articles/a.txt"]  # named alone, the same
    monkeypatch.chdir(tmp_path / "data")
    assert _keys("articles", "./articles/a.txt", "articles/sub/../a.txt") == [
        "articles/a.txt",
        None,
        "articles/sub/b.html",
        "articles/a.txt",
        "articles/a.txt",
    ]
    moved = tmp_path / "elsewhere" / "articles"
    moved.parent.mkdir()
    folder.rename(moved)
    assert _keys(moved) == ["articles/a.txt", None, "articles/sub/b.html"]  # moved: the same


def test_sources_jsonl_line_not_utf8_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    first = '\ufeff{"text": "Putin met Orbán."}\n'.encode()  # a byte-order mark first
    path.write_bytes(first + '{"text": "Orbán said no."}\n'.encode("latin-1") + b'{"text": "Yes."}')
    results = _read(path)
    assert [type(r).__name__ for r in results] == ["RawArticle", "LoadFailure", "RawArticle"]
    assert results[1].origin == f"{path}:2"
    assert results[1].reason == f"not UTF-8 text (invalid byte at offset {len(first) + 13})"
