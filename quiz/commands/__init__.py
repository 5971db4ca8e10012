"""One module per command, each with ``register(sub)`` and a ``run`` function."""

#: Each command and its one-line help. A run imports only the module of the command it
#: runs (every one for ``--help``), so ``play`` reaches its first frame sooner.
COMMANDS: dict[str, str] = {
    "play": "play the quiz (alone or taking turns)",
    "questions": "preview the questions the packs yield",
    "packs": "list, check, create, install, import and export question packs",
    "scores": "leaderboard, head-to-head, history and most missed questions",
    "party": "host a party: friends answer on their phones, this terminal is the big screen",
}
