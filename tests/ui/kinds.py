"""Hand-built questions of every type, for driving each kind of question screen."""

from __future__ import annotations

from quiz.question import Question


def choice_question(n: int = 0) -> Question:
    """A four-option pick whose right answer is option ``n % 4``."""
    return Question(
        id=f"kinds:q:choice{n}",
        pack="kinds",
        category="Song facts",
        difficulty="easy",
        prompt=f"Which option is marked right in pick question {n + 1}?",
        options=("Option one", "Option two", "Option three", "Option four"),
        answer=n % 4,
        explanation="The right option is chosen by the question's number.",
        fact=f"choice{n}",
        kind="hand",
        source="the test deck",
    )


def order_question(n: int = 0) -> Question:
    """Four parts of a song to put in order; right order: Intro, Verse, Chorus, Outro."""
    return Question(
        id=f"kinds:q:order{n}",
        pack="kinds",
        category="Release",
        difficulty="medium",
        prompt="Put these parts of a pop song in the order they usually come, first to last.",
        options=("Chorus", "Outro", "Intro", "Verse"),
        answer=0,
        explanation="A song opens with its intro, a verse leads to the chorus, the outro ends it.",
        fact=f"order{n}",
        kind="hand",
        source="the test deck",
        type="order",
        order=(2, 3, 0, 1),
    )


def number_question(n: int = 0) -> Question:
    """Minutes in two hours (120), typed in a range of 0 to 300."""
    return Question(
        id=f"kinds:q:number{n}",
        pack="kinds",
        category="Charts",
        difficulty="hard",
        prompt="How many minutes are there in two hours?",
        options=(),
        answer=0,
        explanation="An hour has sixty minutes, so two hours have a hundred and twenty.",
        fact=f"number{n}",
        kind="hand",
        source="the test deck",
        type="number",
        number=120,
        low=0,
        high=300,
        unit="minutes",
    )


def text_question(n: int = 0) -> Question:
    """The missing word of the song's title ("Talk"), typed."""
    return Question(
        id=f"kinds:q:text{n}",
        pack="kinds",
        category="Music video",
        difficulty="medium",
        prompt="Which word completes the title: We Don't ___ Anymore?",
        options=(),
        answer=0,
        explanation="The title is We Don't Talk Anymore.",
        fact=f"text{n}",
        kind="hand",
        source="the test deck",
        type="text",
        text="Talk",
        accept=("Talking",),
        reject=("Walk",),
    )


def one_of_each() -> list[Question]:
    """A choice, an order, a number and a text question, dealt in that order."""
    return [choice_question(), order_question(), number_question(), text_question()]
