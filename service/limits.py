"""Limits every request meets before a route reads it."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import TooManyRequests, problem


class BodyLimit:
    """Every request body is refused (413, problem+json) past max_bytes: at once when its
    Content-Length says so, else as soon as the streamed bytes pass it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await problem(413, "Content Too Large", self._detail())(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # raised into the route reading the body
                    raise HTTPException(413, self._detail())
            return message

        await self.app(scope, counted, send)

    def _detail(self) -> str:
        return f"the body is over {self.max_bytes:,} bytes"


class ConsoleSlots:
    """At most `slots` console queries run at once; one more waits up to wait_s for a slot,
    then is refused (429), so the analysts' reads keep the engine's other threads."""

    def __init__(self, slots: int, wait_s: float) -> None:
        self._free = threading.BoundedSemaphore(slots)
        self.wait_s = wait_s

    @contextmanager
    def taken(self) -> Iterator[None]:
        """Hold a slot for the block, or raise TooManyRequests."""
        if not self._free.acquire(timeout=self.wait_s):
            raise TooManyRequests(
                "the console is running as many queries as it may; retry shortly",
                headers={"Retry-After": "1"},
            )
        try:
            yield
        finally:
            self._free.release()
