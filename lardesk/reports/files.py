"""Writing files so that a failed export never damages an earlier file: temp file, fsync, os.replace.

Only a regular file (or a new name) is replaced: a folder, a device (``/dev/full``, ``/dev/stdout``), a FIFO or a
socket is refused, never turned into a regular file. A symbolic link is followed: the file it points to is
replaced and the link stays a link. Every file written is private to its owner (0600), whatever the umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def replaceable(target: str | Path) -> Path:
    """The file that writing ``target`` replaces: ``target`` itself, or what its symbolic links point to.

    Raises IsADirectoryError for a folder and OSError(EINVAL) for a device, FIFO or socket: those are never
    replaced by a regular file.
    """
    real = Path(os.path.realpath(target))
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return real
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(target))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "it is not a regular file (a device, a pipe or a socket)", str(target))
    return real


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (with its suffix); on success it replaces ``target`` in one step.

    The temporary file is private to its owner (mkstemp makes it 0600), and so is the file written.
    """
    target = replaceable(target)
    directory = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=directory)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o600)  # a renderer may have made the file anew
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        replaceable(target)  # still not turned into a folder or a device meanwhile
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_atomic(target: str | Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(target) as temp:
        temp.write_bytes(payload)


def render_atomic(target: str | Path, render: Callable[[Path], object]) -> None:
    """Run ``render(temp_path)`` and move its file into place only if it succeeded."""
    with atomic_path(target) as temp:
        render(temp)


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused before reading when larger than ``limit`` bytes.

    A folder, a device (``/dev/zero``) or a FIFO is refused at once (OSError EINVAL), never read or waited on;
    a file larger than ``limit`` raises :class:`FileTooLarge` without being read into memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without waiting for a writer
    try:
        mode, size = os.fstat(fd).st_mode, os.fstat(fd).st_size
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, a pipe or a socket)"
            raise OSError(errno.EINVAL, f"it is {kind}", str(path))
        if size > limit:
            raise FileTooLarge(size, limit)
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise FileTooLarge(total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


class FileTooLarge(Exception):
    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"{size} bytes; at most {limit}")
