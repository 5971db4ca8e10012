"""wdta-quiz: a terminal trivia game about "We Don't Talk Anymore"."""

__version__ = "0.1.0"
