"""How uvicorn serves the app: with an HTTP protocol whose own refusals are problem+json.

uvicorn's HTTP parser (httptools; h11 does the same) refuses a request line it cannot
read, answering a plain-text 400 "Invalid HTTP request received." before any ASGI app is
called: the app never sees the request, so no exception handler or middleware can shape
that answer. The commonest case is a client that sends a name unencoded ("GET
/api/v1/entities/Orbán", UTF-8 bytes in the request target): HTTP allows only ASCII
there (RFC 9112 3.2, RFC 3986), so the request is refused as malformed, rightly. What
this module changes is only the body of that refusal, so that every error newsgraph
answers is problem+json; a name sent percent-encoded ("Orb%C3%A1n") reaches the app.
"""

import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

UNREADABLE = (
    "the request is not valid HTTP/1.1: a URL may hold only ASCII characters, so send "
    "others percent-encoded as UTF-8 ('Orbán' as 'Orb%C3%A1n')"
)


class ProblemHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, refusing unreadable requests in problem+json."""

    def send_400_response(self, msg: str) -> None:
        """The 400 uvicorn sends (and the connection closed) for a request it cannot parse."""
        body = json.dumps(
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": UNREADABLE}
        ).encode()
        head = [b"HTTP/1.1 400 Bad Request\r\n"]
        head += [
            name + b": " + value + b"\r\n" for name, value in self.server_state.default_headers
        ]
        head += [
            b"content-type: application/problem+json\r\n",
            b"content-length: " + str(len(body)).encode() + b"\r\n",
            b"connection: close\r\n\r\n",
        ]
        self.transport.write(b"".join(head) + body)
        self.transport.close()


def uvicorn_options() -> dict[str, Any]:
    """What every newsgraph server passes to uvicorn besides host and port (the protocol
    by its import path, which worker processes import again)."""
    return {"http": f"{__name__}:{ProblemHttpToolsProtocol.__name__}"}
