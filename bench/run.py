"""wdta-quiz benchmarks: every measurement against a floor timed in the same run.

Run from the repository root with the project's Python::

    .venv/bin/python bench/run.py            # full run (a few minutes: 100k-question packs)
    .venv/bin/python bench/run.py --quick    # small packs, fewer repetitions

(``python -m bench.run`` is the same.) It prints a Markdown table (measurement, result,
floor, ratio, target, pass/fail) and the machine it ran on; see ``bench.harness``.
"""

import sys
from pathlib import Path


def main() -> int:
    """Run the benchmarks with the command line's options."""
    # Run as a script, Python puts bench/ on the path (where its modules would shadow
    # any top-level module of the same name), not the checkout the package lives in.
    here = Path(__file__).resolve().parent
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    sys.path.insert(0, str(here.parent))
    from bench.harness import main as run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
