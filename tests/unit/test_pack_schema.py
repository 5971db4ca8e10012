"""The shipped JSON Schema is what the generator makes from the field specs."""

from __future__ import annotations

from quiz.facts import KINDS, HandQuestion
from quiz.packs.schema import SCHEMA_PATH, build_schema, schema_text


def test_shipped_schema_matches_the_generator():
    # If this fails: run `python -m quiz.packs.schema` and commit quiz/packs/schema.json.
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()


def test_schema_covers_every_kind_and_field():
    schema = build_schema()
    for kind, spec in KINDS.items():
        properties = schema["definitions"][kind]["properties"]
        assert set(properties) == {"kind"} | set(spec.cls.__dataclass_fields__)
    question = schema["definitions"]["question"]
    assert set(question["properties"]) == set(HandQuestion.__dataclass_fields__)
    # Every type but order needs an answer (order lists its items instead).
    assert question["required"] == ["prompt"]
    needs = {rule["if"].get("properties", {}).get("type", {}).get("const", "choice"):
             rule["then"]["required"] for rule in question["allOf"]}  # fmt: skip
    assert needs == {"choice": ["answer"], "truefalse": ["answer"], "order": ["items"],
                     "number": ["answer", "low", "high"], "text": ["answer"]}  # fmt: skip
    assert schema["required"] == ["format", "pack", "title"]
