"""The command line: the Typer app, its commands, shell completion and exit codes.

May import every other layer. Each command parses its arguments, calls the query layer and hands the
result to a renderer; nothing below this package knows about Typer. The command modules register
themselves on the app when imported; the app imports them when its commands are first read (see
commands.py), and a run that names one command imports only that command's module.
"""

import gc

# Importing Typer and the commands makes tens of thousands of objects and no garbage cycles: the cyclic
# collector would scan them over and over (a fifth of the start-up) and free nothing.
_collecting = gc.isenabled()
gc.disable()

from cqsmart.cli.app import app  # noqa: E402

if _collecting:
    # What the imports made lives as long as the process: frozen, it is never scanned again, and turning
    # collection back on does not set off a collection of all of it at once.
    gc.freeze()
    gc.enable()

__all__ = ["Signalled", "app", "main"]


class Signalled(BaseException):
    """SIGTERM or SIGHUP, raised where the program was, so that every `with` and `finally` on the way
    out runs (an export's temporary is removed, the old file kept) as they do for Ctrl-C. A
    BaseException, like KeyboardInterrupt, so that no `except Exception` on the way can swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _unwind(signum: int, frame: object) -> None:
    import signal

    for number in _unwound():  # a second signal must not cut short the clean-up the first one started
        signal.signal(number, signal.SIG_IGN)
    raise Signalled(signum)


def _unwound() -> list[int]:
    import signal

    return [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]  # Windows: no SIGHUP


def main() -> None:
    import signal
    import sys

    from cqsmart.cli.dispatch import only_named_command

    for number in _unwound():
        signal.signal(number, _unwind)
    collecting = gc.isenabled()
    gc.disable()  # as for the imports: building the command and running it make no cycles to collect
    try:
        with only_named_command(sys.argv[1:]):
            app(prog_name="cqsmart")
    except Signalled as signalled:
        sys.exit(128 + signalled.signum)  # what a shell reports for a process the signal ended: 143, 129
    finally:
        gc.freeze()  # or the interpreter's exit would scan every object of the run, to free none of them
        if collecting:
            gc.enable()
