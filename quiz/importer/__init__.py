"""Packs made from an article about a song (plain-text layout or MediaWiki source)."""
