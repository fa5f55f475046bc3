"""How the station answers a scan aloud (no Qt): here, outside ``station.ui``, so that the preference
registry (:mod:`station.preferences`) can hold it."""

from __future__ import annotations

from enum import Enum


class VoiceMode(str, Enum):
    VOICE = "voice"  # the spoken prompt (its tone, then the words)
    SOUNDS = "sounds"  # the ok or fail tone only
    SILENT = "silent"  # nothing
