"""The fact base's record types, their rules, the safe formula evaluator and quote matching.

No I/O and no printing; imports nothing of cqsmart but `errors`. Every other layer builds on it.
"""
