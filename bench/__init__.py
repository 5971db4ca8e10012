"""wdta-quiz benchmarks: every measurement against a floor timed in the same run.

``python bench/run.py`` (or ``python -m bench.run``) runs them; ``harness`` drives the
steps, ``report`` makes the table, one module per measurement family (``paint``,
``load``, ``choose``, ``generate``, ``keypress``) measures, and ``workers`` holds the
in-process halves that each run in a fresh Python.
"""
