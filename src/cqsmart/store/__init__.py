"""Finding, reading, validating and caching a fact base (bundled, `--facts PATH` or `$CQSMART_FACTS`),
and writing files safely. May import `model` and `errors`, never the layers above.
"""
