"""A zip archive written as it is sent: several files in one download, memory bounded."""

import zipfile
from collections.abc import Iterable, Iterator


class _Sink:
    """A write-only stream that keeps what was written until it is taken (no seek and no
    tell, so zipfile writes each member's sizes after its data)."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: take() hands the bytes on."""

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def zipped(files: Iterable[tuple[str, Iterable[str]]]) -> Iterator[bytes]:
    """The bytes of a deflated zip holding each (name, text in pieces), as they are made."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        for name, pieces in files:
            with archive.open(name, "w", force_zip64=True) as member:
                for piece in pieces:
                    member.write(piece.encode("utf-8"))
                    if data := sink.take():
                        yield data
            yield sink.take()
    yield sink.take()
