"""Pure functions from a fact base to results: listings, search, ask, look-ups, comparisons, audit,
discovery and citations.

No I/O and no printing; may import `model` and `errors`, never `store`, `render` or `cli` (the search
index is built here and kept by the store, joined in `cli/indexes.py`).
"""
