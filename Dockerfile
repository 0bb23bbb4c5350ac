# The newsgraph API image (docker-compose.yml points it at Neo4j).
# Pinned to an exact Python and Debian release: trixie (Debian 13) has glibc 2.41, so
# the engine's falkordblite wheel (manylinux_2_38: glibc >= 2.38) fits and nothing is
# compiled; bookworm (glibc 2.36) would build it from source. `--only-binary` below
# makes the build fail at once, rather than compile, should a base ever not fit.
FROM python:3.12.14-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY loaders ./loaders
COPY graph ./graph
COPY service ./service
RUN pip install --only-binary=falkordblite .

COPY data ./data
RUN useradd --create-home newsgraph && chown -R newsgraph /app
USER newsgraph

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health').status == 200 else 1)"
CMD ["newsgraph", "up", "--host", "0.0.0.0", "--port", "8000"]
