"""The JSON Schema of pack format v1, generated from the same field specs as the validator.

``quiz/packs/schema.json`` is this module's output; a test keeps the two equal.
Regenerate it with ``python -m quiz.packs.schema``. Editors that understand the
``# yaml-language-server: $schema=...`` comment (VS Code's YAML extension, Neovim's
yamlls...) check a pack against it while it is typed. The loader is the final judge:
it also checks what a schema cannot (dates, pools, duplicates, depth, ...).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quiz.facts import KINDS
from quiz.packs.ids import PACK_ID_PATTERN
from quiz.packs.question_rules import ORDER_ITEMS, TYPE_KEYS
from quiz.packs.specs import (
    ATTRIBUTION_FIELDS,
    FACT_FIELDS,
    ID_PATTERN,
    INFO_FIELDS,
    ITEM_FIELDS,
    QUESTION_FIELDS,
    SUBJECT_FIELDS,
    Field,
)
from quiz.question import QuestionType

#: A JSON Schema object.
Schema = dict[str, Any]

SCHEMA_PATH = Path(__file__).with_name("schema.json")
# YAML scalars an author may leave unquoted in a text field (2016, 1.0, 2016-05-24...).
_TEXT = {"type": ["string", "number", "boolean"]}


def _figure(field: Field) -> Schema:
    """A whole or any number, with the range the validator holds it to."""
    schema: Schema = {"type": "integer" if field.type == "int" else "number"}
    bounds = {"minimum": field.minimum, "maximum": field.maximum}
    schema.update({name: bound for name, bound in bounds.items() if bound is not None})
    return schema


def _type(field: Field) -> Schema:
    if field.name == "pack":
        schema: Schema = {"type": "string", "pattern": PACK_ID_PATTERN}
    elif field.name == "id":
        schema = {"type": "string", "pattern": ID_PATTERN}
    elif field.type in ("text", "pool-name"):
        schema = dict(_TEXT)
    elif field.type in ("int", "number"):
        schema = _figure(field)
    elif field.type == "bool":
        schema = {"type": "boolean"}
    elif field.type == "enum":
        schema = {"enum": list(field.choices)}
    elif field.type == "texts":
        schema = {"type": "array", "items": dict(_TEXT)}
    elif field.type == "pool":
        schema = {"anyOf": [{"type": "string"}, {"type": "array", "items": dict(_TEXT)}]}
    elif field.type == "items":
        item = _object(ITEM_FIELDS)
        schema = {"type": "array", "items": {"anyOf": [dict(_TEXT), item]}}
    else:  # pragma: no cover - specs only produce the kinds above
        raise AssertionError(field.type)
    if not field.required or field.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _object(fields: dict[str, Field], extra: Schema | None = None) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": {name: _type(field) for name, field in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    if extra:
        schema.update(extra)
    return schema


def _fact(kind: str) -> Schema:
    fields = FACT_FIELDS[kind]
    schema = _object(fields)
    schema["properties"]["kind"] = {"const": kind}
    schema["description"] = f"A {kind} fact (default category: {KINDS[kind].category})."
    if KINDS[kind].one_of:
        schema["anyOf"] = [{"required": [name]} for name in KINDS[kind].one_of]
    return schema


def _question_type(kind: QuestionType) -> Schema:
    """What a hand-written question of type ``kind`` needs, and the keys of other
    types it must leave out (or null)."""
    either = {"anyOf": [{"required": ["wrong"]}, {"required": ["pool"]}]}
    truth = {"enum": [True, False, "True", "False", "true", "false"]}
    low, high = ORDER_ITEMS
    needs: dict[str, Schema] = {
        "choice": {"required": ["answer"], **either},
        "truefalse": {"required": ["answer"], "properties": {"answer": truth}},
        "order": {"required": ["items"],
                  "properties": {"items": {"minItems": low, "maxItems": high}}},
        "number": {"required": ["answer", "low", "high"],
                   "properties": {"answer": {"type": "number"}}},
        "text": {"required": ["answer"]},
    }  # fmt: skip
    then = needs[kind]
    others = sorted(frozenset().union(*TYPE_KEYS.values()) - TYPE_KEYS[kind])
    then.setdefault("properties", {}).update({key: {"type": "null"} for key in others})
    typed: Schema = {"properties": {"type": {"const": kind}}, "required": ["type"]}
    when = {"anyOf": [{"not": {"required": ["type"]}}, typed]} if kind == "choice" else typed
    return {"if": when, "then": then}


def build_schema() -> Schema:
    """The JSON Schema (draft-07) of pack format v1."""
    question = _object(QUESTION_FIELDS)
    question["allOf"] = [_question_type(kind) for kind in TYPE_KEYS]
    top: Schema = {"format": {"const": 1}}
    top.update({name: _type(field) for name, field in INFO_FIELDS.items()})
    attribution = _object(ATTRIBUTION_FIELDS)
    attribution["properties"]["url"]["pattern"] = "^[Hh][Tt][Tt][Pp][Ss]?://"
    top["attribution"] = {"anyOf": [attribution, {"type": "null"}]}
    top["subject"] = _object(SUBJECT_FIELDS)
    top["pools"] = {
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": {"type": "array", "items": dict(_TEXT)},
    }
    top["facts"] = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": list(KINDS)}},
            "allOf": [
                {
                    "if": {"properties": {"kind": {"const": kind}}},
                    "then": {"$ref": f"#/definitions/{kind}"},
                }
                for kind in KINDS
            ],
        },
    }
    top["questions"] = {"type": "array", "items": {"$ref": "#/definitions/question"}}
    definitions = {kind: _fact(kind) for kind in KINDS}
    definitions["question"] = question
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "wdta-quiz question pack, format 1",
        "description": "See docs/packs.md. The loader also checks what a schema cannot.",
        "type": "object",
        "required": ["format", "pack", "title"],
        "additionalProperties": False,
        "properties": top,
        "definitions": definitions,
    }


def schema_text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
