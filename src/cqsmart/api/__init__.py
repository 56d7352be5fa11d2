"""The fact base from Python: `cqsmart.load()` and the typed records its queries return.

Imports the store, the queries and the export's tables, never the CLI or Rich; `import cqsmart`
imports it only when one of its names is first used.
"""

from cqsmart.api.base import Answer, FactBase, load
from cqsmart.query.answer.claims import Claim

__all__ = ["Answer", "Claim", "FactBase", "load"]
