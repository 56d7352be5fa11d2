"""Registries of implementations named by module and class, imported only when chosen.

Output formats and export formats are looked up this way, so that a JSON query never imports the
table code (nor Rich) and a table never imports openpyxl.
"""

from __future__ import annotations

import importlib
from typing import TypeVar

from cqsmart.errors import UsageError, echo

T = TypeVar("T")


def instantiate(registry: dict[str, tuple[str, str]], name: str, what: str, base: type[T]) -> T:
    """An instance of the class registered as `name`, or a UsageError listing the names that exist."""
    if name not in registry:
        raise UsageError(f"unknown {what} {echo(name)}; {what}s: {', '.join(registry)}")
    module, cls = registry[name]
    implementation = getattr(importlib.import_module(module), cls)
    if not (isinstance(implementation, type) and issubclass(implementation, base)):
        raise TypeError(f"{module}.{cls} is not a {base.__name__}")
    return implementation()
