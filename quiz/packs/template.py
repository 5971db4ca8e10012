"""The commented starting point that ``wdta-quiz packs new NAME`` writes."""

from __future__ import annotations

import json

from quiz.packs.schema import SCHEMA_PATH

_TEMPLATE = """\
# yaml-language-server: $schema={schema_uri}
#
# A wdta-quiz question pack (format 1). Check it with:
#     wdta-quiz packs validate {file_name}
# preview its questions with:
#     wdta-quiz questions --pack {file_name} --all
# and install it with:
#     wdta-quiz packs add {file_name}
# The full guide: wdta-quiz packs docs. Text is shown literally: [brackets] are fine.

format: 1
pack: {pack_id}                  # the id: lower-case letters, digits and '-', at most 40
title: {title}
author: Your Name
version: "1.0"
description: What this pack is about, in a sentence or two.

# The song the facts are about (prompts name it).
subject: {{title: We Don't Talk Anymore, artist: Charlie Puth featuring Selena Gomez}}

# Named lists of same-kind values that are FALSE answers, used as wrong options.
pools:
  labels: [Columbia, Interscope, Republic, Capitol]

# Typed facts: the game turns each into one or more questions.
facts:
  - kind: attribute
    id: label                                # required for attribute/number/date/duration
    ask: Which record label released the song?
    statement: The song was released on the {{value}} label.   # enables a true/false item
    values: [Atlantic]                       # EVERY true value
    pool: labels                             # a pool name, or an inline list
    source: infobox                          # where the fact comes from (optional)

  - kind: date
    id: release-date
    ask: When was the song released as a single?
    value: 2016-05-24                        # YYYY-MM-DD, YYYY-MM or YYYY

  - kind: chart
    chart: France (SNEP)                     # the exact chart name
    type: weekly                             # weekly | year-end
    year: 2016
    position: 8                              # leave it out if the source does not say
    size: 200                                # how many places the chart has (default 100)

# Questions written out by hand.
questions:
  - prompt: Who sings on the song with Charlie Puth?
    answer: Selena Gomez
    wrong: [Meghan Trainor, Demi Lovato, Hailee Steinfeld]
    category: Song facts
    difficulty: easy                         # easy | medium | hard
    explanation: Selena Gomez is the featured artist.

  - prompt: Which label released the album Nine Track Mind?
    answer: Atlantic
    pool: labels                             # wrong options drawn from a pool
    difficulty: medium
"""


def template(pack_id: str, title: str, file_name: str) -> str:
    """The template text for a new pack; it validates as it is."""
    return _TEMPLATE.format(
        schema_uri=SCHEMA_PATH.resolve().as_uri(),
        pack_id=pack_id,
        title=json.dumps(title, ensure_ascii=False),  # a JSON string is valid YAML
        file_name=file_name,
    )
