"""SIGTERM handled like Ctrl+Q, so a terminated game is saved and the terminal restored.

By default SIGTERM kills the process where it stands, leaving mouse tracking on, the
cursor hidden and the alternate screen up, and the game in progress unsaved. The
handler runs on the asyncio loop (not in signal context), so it may call the app's own
exit path, which stops application mode the way a normal quit does.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

#: The exit status of a process ended by SIGTERM, as a shell reports it.
TERMINATED = 128 + signal.SIGTERM


def on_sigterm(leave: Callable[[int], None]) -> bool:
    """Call ``leave(TERMINATED)`` on the running loop at the first SIGTERM.

    Returns ``False`` where the loop cannot take signal handlers (Windows, a thread
    other than the main one); SIGTERM then keeps its default.
    """
    loop = asyncio.get_running_loop()

    def terminated() -> None:
        # Once: a second SIGTERM while saving ends the process the default way.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.remove_signal_handler(signal.SIGTERM)
        leave(TERMINATED)

    try:
        loop.add_signal_handler(signal.SIGTERM, terminated)
    except (NotImplementedError, RuntimeError, ValueError):
        return False
    return True
