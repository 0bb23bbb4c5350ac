"""The explorer page and the offline /docs and /redoc, in a real browser over a real server.

The browser is Debian's headless Chromium (/usr/bin/chromium, which .ci/run installs)
driven by Playwright; Playwright never downloads a browser of its own. Every request a
page makes is recorded, and one to a host other than this machine fails the test (and is
aborted, so nothing leaves it). Screenshots land in tests/artifacts/.
"""

import hashlib
import json
import re
import tomllib
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, ConsoleMessage, Route, sync_playwright

from service.main import create_app
from service.settings import Settings
from tests.conftest import ROOT, served, settings_for

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
STATIC = ROOT / "service" / "static"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SETTLED = "() => window.newsgraphExplorer && !window.newsgraphExplorer.busy()"
# Whether another node (or its label) is drawn over the point where an element is drawn.
COVERED = """id => {
  const cy = window.newsgraphExplorer.cy, item = cy.$id(id);
  const p = item.isEdge() ? item.renderedMidpoint() : item.renderedPosition();
  return cy.nodes().some(n => n.id() !== id && (b => b.x1 <= p.x && p.x <= b.x2 &&
    b.y1 <= p.y && p.y <= b.y2)(n.renderedBoundingBox({includeLabels: true})));
}"""


# -- without a browser -------------------------------------------------------------------


def test_explorer_root_redirects_keeping_the_query(client: TestClient) -> None:
    plain = client.get("/", follow_redirects=False)
    shared = client.get("/?entity=vladimir-putin&x=a%20b", follow_redirects=False)
    assert (plain.status_code, plain.headers["location"]) == (307, "/explorer/")
    assert shared.status_code == 307
    assert shared.headers["location"] == "/explorer/?entity=vladimir-putin&x=a%20b"


def test_explorer_pages_are_not_api_operations(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not {"/", "/docs", "/redoc", "/explorer"} & set(paths)
    assert all(path in ("/health", "/livez") or path.startswith("/api/v1/") for path in paths)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_explorer_docs_pages_name_only_local_files(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    urls = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", response.text)
    assert urls and all(url.startswith("/") for url in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_explorer_page_and_bundle_are_served(client: TestClient) -> None:
    page = client.get("/explorer/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("app.js", "app.css", "favicon.svg"):
        assert client.get(f"/explorer/{asset}").status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text


def test_explorer_bundle_is_built_from_the_sources() -> None:
    """The committed bundle matches web/ as it is (else: run `make web`)."""
    built = json.loads((ROOT / "web" / "built.json").read_text())
    sources = {"web/.npmrc", "web/build.mjs", "web/package.json", "web/package-lock.json"}
    sources |= {str(p.relative_to(ROOT)) for p in (ROOT / "web" / "src").iterdir()}
    assert {f"web/{name}" for name in built["sources"]} == sources, "run `make web`"
    for name, digest in built["sources"].items():
        assert _sha256(ROOT / "web" / name) == digest, f"web/{name} changed: run `make web`"
    outputs = {str(p.relative_to(STATIC)) for p in STATIC.rglob("*") if p.is_file()}
    assert set(built["outputs"]) == outputs, "service/static differs from the build"
    for name, digest in built["outputs"].items():
        assert _sha256(STATIC / name) == digest, f"service/static/{name} was changed by hand"


def test_explorer_static_files_are_package_data() -> None:
    """Every built file ships in the wheel: a user needs no Node and no network."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = pyproject["tool"]["setuptools"]["package-data"]["service"]
    files = [p.relative_to(ROOT / "service") for p in STATIC.rglob("*") if p.is_file()]
    assert files
    missing = [f for f in files if not any(fnmatch(str(f), pat) for pat in patterns)]
    assert not missing, missing


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- in Chromium -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


class Visit:
    """One browser context: its page, every URL it asked for, and its script errors."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.set_default_timeout(15_000)
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("console", self._console)

    def _guard(self, route: Route) -> None:
        """Nothing reaches past this machine, whatever the page asks for."""
        if _is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(message.text)  # a 404 the page asked for on purpose is no bug

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)

    def settle(self) -> None:
        """Wait until the explorer has nothing loading or laid out."""
        self.page.wait_for_function(SETTLED)

    def drawn(self) -> set[str]:
        return set(self.page.evaluate("window.newsgraphExplorer.nodes().map(n => n.id)"))

    def selected(self) -> list[str]:
        return self.page.evaluate("window.newsgraphExplorer.cy.$(':selected').map(e => e.id())")

    def click_element(self, element_id: str) -> bool:
        """A real mouse click where the element is drawn, unless a node covers it there;
        whether it is what got selected (edges may cross)."""
        if self.page.evaluate(COVERED, element_id):
            return False
        point = self.page.evaluate("id => window.newsgraphExplorer.pagePosition(id)", element_id)
        self.page.mouse.click(point["x"], point["y"])
        return self.selected() == [element_id]

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))

    def check_stayed_local(self) -> None:
        foreign = [url for url in self.requests if not _is_local(url)]
        assert not foreign, f"requests left this machine: {foreign}"
        assert not self.errors, self.errors


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob"} or parts.hostname in LOCAL_HOSTS


@pytest.fixture
def visit(browser: Browser, live_url: str) -> Iterator[Visit]:
    """A fresh browser context on the server over the samples graph."""
    current = Visit(browser, live_url)
    yield current
    current.context.close()


def _api(base: str, path: str, **params: str) -> dict:
    response = httpx.get(f"{base}{path}", params=params, timeout=30)
    response.raise_for_status()
    return response.json()


def _neighbours(base: str, entity_id: str) -> set[str]:
    answer = _api(base, f"/api/v1/entities/{entity_id}/neighbourhood", depth="1", limit="150")
    return {node["id"] for node in answer["nodes"]}


def test_explorer_search_draw_expand_and_evidence(visit: Visit, live_url: str) -> None:
    page = visit.page
    visit.open("/")
    visit.settle()
    assert urlsplit(page.url).path == "/explorer/"
    search = page.locator("#search")
    search.press_sequentially("Qzxq", delay=30)
    assert page.locator("#suggestions .nothing").inner_text() == "Nothing matches “Qzxq”"
    search.fill("")
    search.press_sequentially("Orb", delay=30)
    page.get_by_role("option", name=re.compile("Viktor Orbán")).click()
    page.wait_for_url(re.compile(r"/explorer/\?entity=viktor-orban$"))
    visit.settle()
    around_orban = _neighbours(live_url, "viktor-orban")
    assert len(around_orban) > 3 and visit.drawn() == around_orban
    assert page.locator("#panel h2").inner_text().endswith("Viktor Orbán")

    # an edge, clicked where it is drawn, shows the sentences asserting it: why Orbán is
    # linked to Putin
    edges = page.evaluate("window.newsgraphExplorer.edges()")
    to_putin = [e for e in edges if "vladimir-putin" in (e["source"], e["target"])]
    assert to_putin, "the samples link Orbán to Putin"
    edge = next((e for e in to_putin if visit.click_element(e["id"])), None)
    assert edge, "the edge to Putin could not be clicked where it is drawn"
    blockquotes = page.locator("#panel .evidence blockquote")
    blockquotes.first.wait_for()
    relation = _api(
        live_url,
        "/api/v1/relations",
        subject=edge["source"],
        predicate=edge["type"],
        object=edge["target"],
    )
    sentences = {e["sentence"] for r in relation["relations"] for e in r["evidence"]}
    assert blockquotes.first.inner_text() in sentences
    assert page.locator("#panel .evidence .meta").first.inner_text()

    # a node, clicked, merges its neighbourhood into the drawing
    grows = sorted(n for n in around_orban if _neighbours(live_url, n) - around_orban)
    assert grows, "no neighbour of Orbán has neighbours of its own"
    clicked = next((n for n in grows if visit.click_element(n)), None)
    assert clicked, "no node could be clicked where it is drawn"
    visit.settle()
    assert visit.drawn() == around_orban | _neighbours(live_url, clicked)
    visit.screenshot("explorer-orban-expanded.png")
    visit.check_stayed_local()


def test_explorer_opens_a_shared_entity_link(visit: Visit, live_url: str) -> None:
    visit.open("/?entity=vladimir-putin")
    visit.settle()
    assert visit.page.url.endswith("/explorer/?entity=vladimir-putin")
    assert visit.drawn() == _neighbours(live_url, "vladimir-putin")
    panel = visit.page.locator("#panel")
    assert panel.locator("h2").inner_text().endswith("Vladimir Putin")
    timeline = _api(live_url, "/api/v1/entities/vladimir-putin/timeline")
    assert timeline["entries"]
    assert panel.locator(".timeline-entry").count() == len(timeline["entries"])
    visit.screenshot("explorer-putin.png")
    visit.check_stayed_local()


def test_explorer_topic_shows_both_sides(visit: Visit, live_url: str) -> None:
    words = "security guarantees for Russia"
    visit.open(f"/?topic={words.replace(' ', '+')}")
    visit.settle()
    support = _api(live_url, "/api/v1/stances", topic=words, stance="support")
    oppose = _api(live_url, "/api/v1/stances", topic=words, stance="oppose")
    columns = visit.page.locator(".stance-column")
    for column, answer in zip(("support", "oppose"), (support, oppose), strict=True):
        side = visit.page.locator(f".stance-column.{column}")
        assert side.locator(".count").inner_text() == str(len(answer["actors"]))
        names = side.locator(".actor summary a").all_inner_texts()
        assert names == [actor["name"] for actor in answer["actors"]]
    assert columns.count() == 2 and support["actors"]
    assert support["topic"]["id"] in visit.drawn()
    visit.screenshot("explorer-topic.png")

    # a supporter's name opens its neighbourhood; Back returns to the topic
    first = support["actors"][0]
    visit.page.locator(".stance-column.support .actor summary a").first.click()
    visit.page.wait_for_url(re.compile(rf"\?entity={re.escape(first['id'])}$"))
    visit.settle()
    assert visit.drawn() == _neighbours(live_url, first["id"])
    visit.page.go_back()
    visit.settle()
    assert visit.page.locator(".stance-column").count() == 2
    assert support["topic"]["id"] in visit.drawn()
    visit.check_stayed_local()


def test_explorer_says_what_the_api_refused(visit: Visit) -> None:
    visit.open("/?entity=nobody-at-all")
    visit.settle()
    message = visit.page.locator("#graph-message .error").inner_text()
    assert message == "no entity matches 'nobody-at-all'"
    assert visit.drawn() == set()
    visit.check_stayed_local()


def test_explorer_on_an_empty_graph_says_to_ingest(
    browser: Browser, engine: str, engine_dir: Path, graph_name: str
) -> None:
    if engine == "neo4j":
        pytest.skip("on Neo4j every graph is the one database the samples are in")
    settings: Settings = settings_for(engine, engine_dir, graph_name)
    with served(create_app(settings)) as base:
        visit = Visit(browser, base)
        visit.open("/")
        visit.settle()
        assert "newsgraph ingest" in visit.page.locator("#graph-message").inner_text()
        visit.check_stayed_local()
        visit.context.close()


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/docs", '.swagger-ui .opblock-summary-path:has-text("/api/v1/entities")'),
        ("/redoc", 'h1:has-text("newsgraph")'),
    ],
)
def test_explorer_api_docs_render_offline(visit: Visit, path: str, ready: str) -> None:
    visit.open(path)
    visit.page.locator(ready).first.wait_for()
    visit.page.wait_for_load_state("networkidle")
    visit.screenshot(f"api{path.replace('/', '-')}.png")
    visit.check_stayed_local()
    assert any(url.endswith("/openapi.json") for url in visit.requests)
