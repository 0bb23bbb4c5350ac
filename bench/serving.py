"""What the benchmarks that run `newsgraph serve` share: a free port, a health probe."""

import http.client
import socket


def free_port() -> int:
    """A loopback port nothing listens on now (the machine is shared: no fixed port)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(port: int) -> bool:
    """Whether /health on the port answers 200 now."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/health")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()
