"""Where a pack's content was taken from, and under which licence (a pack's
``attribution`` block)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Attribution:
    """Where a pack's content was taken from (an encyclopedia article, say) and under
    which licence: what its licence asks to be named wherever the pack is shown."""

    title: str = ""
    url: str = ""
    revision: str = ""
    licence: str = ""

    def credit(self) -> str:
        """One line naming the source, as the pack list and browser show it:
        ``Source: TITLE (revision R), URL; licence: L`` with the parts it has."""
        said = self.title
        if self.revision:
            said = f"{said} (revision {self.revision})" if said else f"revision {self.revision}"
        said = ", ".join(part for part in (said, self.url) if part)
        parts = [f"Source: {said}"] if said else []
        if self.licence:
            parts.append(f"licence: {self.licence}")
        return "; ".join(parts)
