"""Pure functions from a fact base to results: listings, look-ups, comparisons, audit, discovery and
citations here; text analysis in `query.text` and question answering and search in `query.answer`.

No I/O and no printing; may import `model` and `errors`, never `store`, `render` or `cli` (the search
index is built here and kept by the store, joined in `cli/indexes.py`).
"""
