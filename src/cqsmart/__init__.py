"""Answers questions about Chongqing's smart-city and digital-economy programme from a cited fact base."""

__version__ = "0.1.0"
