"""Write big packs of hand-written questions for the load and selection benchmarks.

The questions look like what an author writes: a prompt of ordinary words ending in a
question mark, one answer, three different wrong options, a category, a difficulty and
a one-sentence explanation, in block-style YAML with plain scalars. A seeded
``random.Random`` makes the same file every time.
"""

from __future__ import annotations

import random
from pathlib import Path

_WORDS = (
    "song single album video chart record label studio session tour stage singer "
    "producer writer verse chorus bridge piano guitar drums remix radio week year "
    "summer winter night city country fans critics award show release version duet "
    "breakup heart voice melody lyric line hook beat tempo key debut peak number "
    "first last second third final original acoustic live official lead featured "
    "famous early late quiet loud slow fast bright dark golden silver crystal "
    "river ocean mountain valley street avenue garden window mirror letter phone "
    "message memory promise secret story dream shadow light fire rain snow wind "
    "morning evening midnight sunrise sunset weekend holiday birthday anniversary"
).split()
_NAMES = (
    "Charlie Puth, Selena Gomez, Jacob Kasher, Phil Pinto, Shawn Mendes, Ed Sheeran, "
    "Troye Sivan, Sam Smith, Nick Jonas, Max Martin, Benny Blanco, Ryan Tedder, "
    "Julia Michaels, Justin Tranter, Savan Kotecha, Dave Meyers, Colin Tilley, "
    "Hannah Lux Davis, Joseph Kahn, Director X, Taylor Swift, Ariana Grande, "
    "Camila Cabello, Demi Lovato, Halsey, Lauv, Khalid, Dua Lipa, Sia, Zedd"
).split(", ")
_CATEGORIES = ("Song facts", "Charts", "Music videos", "Credits", "Awards", "Critics", "Trivia")
_DIFFICULTIES = ("easy", "medium", "hard")
_STARTS = ("Which", "Who", "What", "In which", "On which", "How")


def _phrase(rng: random.Random, low: int, high: int) -> str:
    """A few random words."""
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _options(rng: random.Random) -> list[str]:
    """Four different option texts: names or short titles."""
    options: list[str] = []
    while len(options) < 4:
        if rng.random() < 0.5:
            text = rng.choice(_NAMES)
        else:
            text = _phrase(rng, 1, 3).title()
        if text not in options:
            options.append(text)
    return options


def question_yaml(index: int, rng: random.Random) -> str:
    """One hand-written question as a YAML list item (with a unique prompt and id)."""
    answer, *wrong = _options(rng)
    prompt = f"{rng.choice(_STARTS)} {_phrase(rng, 5, 10)} number {index}?"
    explanation = f"{answer} is the {_phrase(rng, 4, 9)}."
    return (
        f"  - id: bench-{index}\n"
        f"    prompt: {prompt}\n"
        f"    answer: {answer}\n"
        f"    wrong: [{', '.join(wrong)}]\n"
        f"    category: {rng.choice(_CATEGORIES)}\n"
        f"    difficulty: {rng.choice(_DIFFICULTIES)}\n"
        f"    explanation: {explanation}\n"
    )


def pack_yaml(count: int, seed: int = 2016, pack_id: str | None = None) -> str:
    """A whole format-1 pack of ``count`` hand-written questions."""
    rng = random.Random(seed)
    pack_id = pack_id or f"bench-{count}"
    head = (
        "format: 1\n"
        f"pack: {pack_id}\n"
        f"title: Benchmark pack of {count} questions\n"
        "author: wdta-quiz bench\n"
        'version: "1.0"\n'
        "description: Generated hand-written questions for the benchmarks.\n"
        "subject: {title: We Don't Talk Anymore, artist: Charlie Puth featuring Selena Gomez}\n"
        "questions:\n"
    )
    return head + "".join(question_yaml(i, rng) for i in range(1, count + 1))


def write_pack(folder: Path, count: int, seed: int = 2016) -> Path:
    """Write ``bench-<count>.yaml`` into ``folder`` (if not already there); return its path."""
    path = folder / f"bench-{count}.yaml"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(pack_yaml(count, seed), encoding="utf-8")
    return path
