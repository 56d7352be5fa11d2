"""The standard streams of one run: made safe for closed pipes and poor locales, UTF-8 where a
machine reads them, and silenced once they have failed."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from cqsmart.render.plain import inert

PIPE_CLOSED_EXIT = 141  # what shells report for a producer whose reader went away (128 + SIGPIPE)


def error(message: str) -> None:
    """One line on stderr; anything quoted from a fact file or the command line is shown inert."""
    sys.stderr.write(f"cqsmart: {inert(message)}\n")


def output_failed(failure: OSError) -> int:
    """A closed pipe ends quietly (`| head`); a closed or full stdout, or an unwritable file, says so."""
    silence_stdout()
    if isinstance(failure, BrokenPipeError):
        return PIPE_CLOSED_EXIT
    if failure.filename is None:  # reading and writing named files report their own errors
        error(f"cannot write results to stdout: {failure.strerror or failure}")
    else:
        error(f"{failure.filename}: {failure.strerror or failure}")
    return 2


def silence_stdout() -> None:
    """Output still buffered would fail again when the interpreter exits: point stdout at nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = io.StringIO()


def make_streams_safe() -> None:
    """Streams that report a closed pipe and survive an ASCII locale.

    Under PYTHONUNBUFFERED (common in containers) stdout writes straight to the raw file, where a
    partial write to a closed pipe is silently accepted; a BufferedWriter retries partial writes and
    raises BrokenPipeError. In an ASCII or C locale, Chinese degrades to visible escapes instead of
    UnicodeEncodeError.
    """
    if sys.stderr is None:  # started with 2>&-: messages have nowhere to go
        sys.stderr = io.StringIO()
    if sys.stdout is None:  # started with >&-: fail on the first result written, not before
        sys.stdout = ClosedStream()
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and isinstance(stdout.buffer, io.RawIOBase):
        encoding, errors = stdout.encoding, stdout.errors
        stdout.flush()
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(stdout.detach()), encoding=encoding, errors=errors)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


class ClosedStream(io.TextIOBase):
    """Stands in for a stdout the shell closed: writing to it is the error a closed descriptor gives."""

    encoding = "utf-8"

    @property
    def buffer(self) -> Any:
        raise OSError(errno.EBADF, "stdout is closed")

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


@contextmanager
def output_stream(utf8: bool) -> Iterator[TextIO]:
    """Stdout for one result, as UTF-8 whatever the locale when `utf8` (CSV and TSV, which the
    programs that read them take as UTF-8); otherwise in the terminal's encoding."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if not utf8 or buffer is None or (stdout.encoding or "").lower().replace("-", "") in ("utf8", "utf8sig"):
        yield stdout
        stdout.flush()
        return
    stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()  # the buffer stays open for stdout
