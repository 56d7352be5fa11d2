"""Question answering and search: a question understood (question, clauses), the candidates its
full-text index finds (index, fulltext), each record as a scored document (document), the
constraints a figure must meet (fit), the ranking and the verdict on a claim (ask, claims).
Imports `model`, `errors`, `query.text` and the listings' shared `query.result`."""
