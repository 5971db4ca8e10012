"""The theme picked last time comes back, and the next one picked is remembered."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme


def keep_theme(app: App[Any]) -> None:
    """Use the theme saved in the config, and save every theme picked from now on."""
    from quiz.config import load_config

    theme = load_config().theme
    if theme and theme in app.available_themes:
        app.theme = theme

    def remember(picked: Theme) -> None:
        from quiz.config import ConfigError, load_config, save_config

        try:
            save_config(load_config().with_theme(picked.name))
        except ConfigError as error:
            app.notify(str(error), title="Theme not saved", severity="warning", markup=False)

    app.theme_changed_signal.subscribe(app, remember)
