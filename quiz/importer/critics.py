"""Quote facts from critics' sentences whose speaker and publication are certain.

Three sentence shapes name both: "Writing for Spin, Brennan Carley found the song
"…"", "Bobby Oliver of NJ.com wrote "…"" and "Idolator's Mike Wass opined "…"".
Every quoted passage of such a sentence is that critic's. A quotation in any other
sentence ("Puth said the song is about "…"": who is "Puth"? which publication?) is
left to the review report.
"""

from __future__ import annotations

import re

from quiz.importer.article import Paragraph
from quiz.importer.harvest import Harvest

#: A person's name: two or three capitalised words.
NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’-]+){1,2}"
_VERBS = (r"(?:said|says|wrote|writes|called|calls|described|describes|deemed|deems|opined|"
          r"praised|found|finds|noted|notes|felt|stated|added|considered|thought|labell?ed|"
          r"named|dubbed|commented)")
_PUBLICATION = r"[A-Z0-9][\w.&'’+-]*(?: (?:[A-Z0-9][\w.&'’+-]*|of|the|and|for))*?"
_SHAPES = (
    re.compile(rf"Writing (?:for|in) (?P<pub>{_PUBLICATION}), (?P<critic>{NAME}) {_VERBS}\b"),
    re.compile(rf"(?P<critic>{NAME}) of (?P<pub>{_PUBLICATION}) {_VERBS}\b"),
    re.compile(rf"(?P<pub>{_PUBLICATION})['’]s (?P<critic>{NAME}) {_VERBS}\b"),
)
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


def quoted(sentence: str, title: str) -> list[str]:
    """The quoted passages of ``sentence``, trailing punctuation dropped, less the
    song's own title in quotes."""
    found = [match.group(1).strip().rstrip(".,;:!").strip() for match in _QUOTED.finditer(sentence)]
    return [text for text in found if text and text.casefold() != title.casefold()]


def critic_quotes(sentence: str, paragraph: Paragraph, harvest: Harvest, title: str) -> bool:
    """Add the quotes of a critic's sentence; False when the sentence quotes nobody
    certain (the caller reports it if it quotes anything)."""
    passages = quoted(sentence, title)
    if not passages:
        return False
    for shape in _SHAPES:
        match = shape.match(sentence)
        if match is None:
            continue
        for text in passages:
            if harvest.find("quote", text=text, speaker=match["critic"]):
                continue
            harvest.add("quote", {"text": text, "speaker": match["critic"],
                                  "publication": match["pub"]}, (paragraph.where, ""))
        return True
    return False
