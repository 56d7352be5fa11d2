"""Drafting a fact base from a Chinese text: every quantitative statement as a cited figure record.

Owns reading the text (`text`), finding numbers with their units and qualifiers (`numbers`), dating
them (`periods`, with the document's own year), naming them (`labels`), keeping each quote unique
(`quotes`), and building the draft records (`draft`). Pure Python,
no heavy imports, so extracting a text costs little more than starting the CLI.

May import `model`, `store` and `errors`; the CLI renders what it returns.
"""
