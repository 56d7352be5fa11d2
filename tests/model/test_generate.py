"""The models are the one declaration of the schema: the shapes and field lists derive from them."""

from __future__ import annotations

import pytest
from pydantic import create_model

from cqsmart.model import generate
from cqsmart.model.factbase import FIELDS_BY_KIND
from cqsmart.model.generated import RECORD_FIELDS, SHAPE_BY_KIND
from cqsmart.model.records import Figure, Text
from cqsmart.model.vocabulary import TEXT_MAX


def test_the_committed_shapes_are_those_the_models_give() -> None:
    """Run `python -m cqsmart.model.generate` when this fails: a model changed since the copy was made."""
    assert generate.TARGET.read_text(encoding="utf-8") == generate.source()


def test_an_optional_figure_field_reaches_the_shapes_and_field_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding an optional field to the model is all it takes: the generated shape and fields gain it."""
    TEXT = {"type": "str", "min_length": 1, "max_length": TEXT_MAX}
    wider = create_model("Figure", __base__=Figure, footnote=(Text | None, None))
    monkeypatch.setitem(generate.MODEL_BY_KIND, "figure", wider)
    namespace: dict[str, object] = {}
    exec(generate.source(), namespace)
    fields = namespace["RECORD_FIELDS"]["figure"]  # type: ignore[index]
    shape = namespace["SHAPE_BY_KIND"]["figure"]  # type: ignore[index]
    assert fields == (*RECORD_FIELDS["figure"], "footnote")
    assert shape["fields"]["footnote"] == {
        "type": "typed-dict-field",
        "schema": {"type": "default", "schema": {"type": "nullable", "schema": TEXT}, "default": None},
        "required": False,
    }
    assert {name: shape["fields"][name] for name in RECORD_FIELDS["figure"]} == SHAPE_BY_KIND["figure"]["fields"]


def test_a_record_kinds_output_fields_are_its_models() -> None:
    assert FIELDS_BY_KIND["figure"] == tuple(Figure.model_fields)
    assert FIELDS_BY_KIND["initiative"][-4:] == ("figures", "quantities", "source", "note")
