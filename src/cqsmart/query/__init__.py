"""Pure functions from a fact base to results: listings, search, lookups, comparisons.

No I/O and no printing; may import `model` and `errors`, never `store`, `render` or `cli`.
"""
