"""One piece of work done in a forked child while the parent does another: a large fact file is
validated on two processors.

The child returns its result marshalled through a pipe and leaves with os._exit, so it never runs
the parent's exit handlers or flushes the parent's buffered output. Anything that goes wrong in the
child (an exception, Ctrl-C, a signal, a result that does not arrive whole) gives None, and the
caller does the work itself: the child can only make the work faster, never change its result.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    """`work()` running in a forked child; `result()` waits for what it returns."""

    def __init__(self, work: Callable[[], Any]) -> None:
        reader, writer = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the child: do the work, hand the result over, leave at once
            status = 1
            try:
                _end_with(parent)
                os.close(reader)
                payload = marshal.dumps(work())
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(writer)
        self.reader = reader

    def result(self) -> Any:
        """The child's result, or None if it failed."""
        chunks = []
        try:
            while chunk := os.read(self.reader, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(self.reader)
            _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            return marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return None


def _end_with(parent: int) -> None:
    """The child's work is only for its parent: a parent killed outright takes the child with it, at
    once, rather than leaving it to finish work no one will read (Linux; elsewhere it ends on its own)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
