"""The package's file list shows its architecture: layers as subpackages, each importing only downward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cqsmart"
# Lowest first: a module may import its own layer and those before it, never one after it.
LAYERS = ["errors", "registry", "model", "store", "query", "render", "export", "extract", "api", "cli"]
SHARED = {"__init__", "__main__", "errors", "registry"}
MODULES = sorted(path for path in PACKAGE.rglob("*.py") if "facts" not in path.parts)


def layer_of(dotted: str) -> str:
    """`cqsmart.store.cache` → `store`; the package itself (`cqsmart`) is its own version string."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "errors"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "cqsmart":
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "cqsmart"]
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_module_imports_only_its_own_layer_or_lower(path: Path) -> None:
    """No module imports a layer above its own, so there is no cycle between subpackages."""
    relative = path.relative_to(PACKAGE)
    own = relative.parts[0].removesuffix(".py")
    if own in ("__init__", "__main__"):
        return  # the package root and `python -m cqsmart` start the CLI
    upward = [
        f"line {line}: {module}" for line, module in imported_modules(path) if LAYERS.index(layer_of(module)) > LAYERS.index(own)
    ]
    assert upward == []


@pytest.mark.parametrize("path", [path for path in MODULES if path.relative_to(PACKAGE).parts[0] == "query"], ids=str)
def test_queries_do_no_io_through_the_store(path: Path) -> None:
    """The query layer is pure: it never imports the store (which reads, writes and caches files)."""
    assert [module for _, module in imported_modules(path) if layer_of(module) == "store"] == []


def test_few_loose_modules_and_none_too_long() -> None:
    """At most four modules sit at the top of the package, and no module is over 400 lines."""
    loose = {path.stem for path in PACKAGE.glob("*.py")}
    assert loose <= SHARED
    long = [str(path.relative_to(PACKAGE)) for path in MODULES if len(path.read_text(encoding="utf-8").splitlines()) > 400]
    assert long == []


def test_every_subpackage_says_what_it_owns() -> None:
    """Each layer's __init__ has a docstring naming what it may import."""
    for folder in sorted(path for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()):
        docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and "import" in docstring, folder.name
        assert folder.name in LAYERS, f"{folder.name} is not a known layer"
