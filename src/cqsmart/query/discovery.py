"""What a base holds, so filters are found by listing rather than by error messages: topics and metrics."""

from __future__ import annotations

from collections import Counter

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import Result, hint, require_known

_KINDS = ("figure", "initiative", "target")


def topics(base: FactBase) -> Result:
    """Each topic, with how many figures, initiatives and targets are about it."""
    counts: dict[str, Counter[str]] = {}
    metrics: dict[str, set[str]] = {}
    for record in base.records:
        topic = record.get("topic")
        if isinstance(topic, str):
            counts.setdefault(topic, Counter())[record["kind"]] += 1
            if record["kind"] == "figure":
                metrics.setdefault(topic, set()).add(record["metric"])
    rows: list[JsonRecord] = [
        {
            "topic": topic,
            **{f"{kind}s": counted[kind] for kind in _KINDS},
            "records": sum(counted.values()),
            "metrics": len(metrics.get(topic, ())),
        }
        for topic, counted in sorted(counts.items())
    ]
    return Result(rows, "topic", None if rows else hint("the fact base has no topics", "no-topics"))


def metrics(base: FactBase, topic: str | None = None) -> Result:
    """Each metric: its label, unit, the years it has values for, and its latest value."""
    if topic is not None:
        from cqsmart.query.listing import topics_of

        topic = require_known(topic, topics_of(base), "topic")
    by_metric: dict[str, list[JsonRecord]] = {}
    for figure in base.of_kind("figure"):
        if topic is None or figure["topic"] == topic:
            by_metric.setdefault(figure["metric"], []).append(figure)
    rows: list[JsonRecord] = []
    for metric, figures in sorted(by_metric.items()):
        valued = [figure for figure in figures if figure["value"] is not None]
        years = sorted({year for figure in valued for year in _years(figure)})
        latest = max(valued, key=_recency) if valued else figures[0]
        rows.append(
            {
                "metric": metric,
                "topic": figures[0]["topic"],
                "label": latest["label"],
                "unit": latest["unit"],
                "years": years,
                "figures": len(figures),
                "latest_id": latest["id"],
                "latest_year": latest["period"]["end"],
                "latest_value": latest["value"],
                "latest_qualifier": latest["qualifier"],
                "latest_qualifier_text": latest.get("qualifier_text"),
                "derived": all(figure["derived"] for figure in figures),
            }
        )
    return Result(rows, "metric", None if rows else hint("no metrics match", "no-metrics"))


def _years(figure: JsonRecord) -> range:
    start, end = figure["period"]["start"], figure["period"]["end"]
    return range(start, end + 1) if start is not None and end is not None else range(0)


def _recency(figure: JsonRecord) -> tuple[int, int]:
    """Latest end year first; a figure with no year counts as oldest."""
    end = figure["period"]["end"]
    return (0 if end is None else 1, end or 0)
