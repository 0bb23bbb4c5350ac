"""The pages newsgraph serves besides its API: the explorer, and /docs and /redoc offline.

Their files are built by `make web` (web/) into service/static and ship in the package,
so nothing is fetched from a CDN: the pages work with no network and no Node at run time.
"""

from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).resolve().parent / "static"
# The pages talk only to their own server; the policies make the browser hold them to that
# (ReDoc's sidebar would otherwise fetch its maker's logo from a CDN). FastAPI's docs pages
# start their UI from an inline script, and ReDoc runs its search in a blob: worker.
_ONLY_SELF = "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
EXPLORER_CSP = f"default-src 'self'; style-src 'self' 'unsafe-inline'; {_ONLY_SELF}"
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    f"worker-src 'self' blob:; {_ONLY_SELF}"
)

router = APIRouter(include_in_schema=False)


class ExplorerFiles(StaticFiles):
    """The explorer's static files, each served with the content security policy."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Content-Security-Policy"] = EXPLORER_CSP
        return response


def _root(request: Request) -> str:
    """The path the app is mounted at behind a proxy ("" when served at /)."""
    return request.scope.get("root_path", "").rstrip("/")


@router.get("/")
async def home(request: Request) -> RedirectResponse:
    """The explorer, keeping the query string so /?entity=ID links can be shared."""
    target = f"{_root(request)}/explorer/"
    query = request.url.query
    return RedirectResponse(f"{target}?{query}" if query else target, status_code=307)


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI from the bundled files (FastAPI's default loads them from a CDN)."""
    root = _root(request)
    page = get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - Swagger UI",
        swagger_js_url=f"{root}/static/docs/swagger-ui-bundle.js",
        swagger_css_url=f"{root}/static/docs/swagger-ui.css",
        swagger_favicon_url=f"{root}/static/docs/favicon-32x32.png",
    )
    page.headers["Content-Security-Policy"] = DOCS_CSP
    return page


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc from the bundled standalone file, without Google Fonts."""
    root = _root(request)
    page = get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}/static/docs/redoc.standalone.js",
        redoc_favicon_url=f"{root}/static/docs/favicon-32x32.png",
        with_google_fonts=False,
    )
    page.headers["Content-Security-Policy"] = DOCS_CSP
    return page


def install(app: FastAPI) -> None:
    """Serve the explorer at /explorer/ (/ redirects there), /docs and /redoc, and their files.

    The app must be created with docs_url=None and redoc_url=None: these routes replace them.
    """
    app.include_router(router)
    app.mount("/explorer", ExplorerFiles(directory=STATIC / "explorer", html=True), "explorer")
    app.mount("/static/docs", StaticFiles(directory=STATIC / "docs"), "docs-files")
