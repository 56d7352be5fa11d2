"""Synthetic fact bases in the real schema, of any size, for scale benchmarks and pipe tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TOPICS = ("digital-economy", "data-centres", "online-economy", "platform-economy", "digital-government")


def source_record() -> dict[str, Any]:
    from cqsmart.store.locate import bundled_facts_dir

    (source,) = json.loads((bundled_facts_dir() / "sources.json").read_text(encoding="utf-8"))
    return dict(source)


def figure(index: int, source_id: str) -> dict[str, Any]:
    value = 1000 + index
    year = 2000 + index % 21
    return {
        "id": f"synthetic-figure-{index:06d}",
        "kind": "figure",
        "metric": f"synthetic-metric-{index % 500}",
        "topic": TOPICS[index % len(TOPICS)],
        "label": {"zh": f"合成指标{index}", "en": f"Synthetic figure {index}"},
        "value": value,
        "unit": "个",
        "base_value": value,
        "qualifier": "exact",
        "period": {"start": year, "end": year, "basis": "year"},
        "source": {"id": source_id, "quote": f"共{value}个"},
        "derived": False,
        "formula": None,
        "inputs": None,
        "note": None,
    }


def write_base(folder: Path, figures: int) -> Path:
    """A fact-base folder with `figures` figures, one initiative and one target linking some of them."""
    folder.mkdir(parents=True, exist_ok=True)
    source = source_record()
    records = [figure(index, source["id"]) for index in range(figures)]
    linked = [record["id"] for record in records[:10]]
    citation = {"id": source["id"], "quote": "云长制"}
    initiative = {
        "id": "synthetic-initiative",
        "kind": "initiative",
        "topic": "cloud-chief",
        "line": "mechanisms",
        "label": {"zh": "合成举措", "en": "Synthetic initiative"},
        "parent": None,
        "figures": linked,
        "source": citation,
        "note": None,
    }
    target = {
        "id": "synthetic-target",
        "kind": "target",
        "topic": "innovation-system",
        "area": "innovation-system",
        "label": {"zh": "合成目标", "en": "Synthetic target"},
        "figures": linked,
        "deadline": None,
        "source": citation,
        "note": None,
    }
    for name, content in (
        ("sources.json", [source]),
        ("figures.json", records),
        ("initiatives.json", [initiative]),
        ("targets.json", [target]),
    ):
        (folder / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return folder
