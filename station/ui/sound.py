"""Success and failure sounds, without QtMultimedia: the system's own player, never blocking.

Windows: ``winsound`` (asynchronous); macOS: ``afplay``; Linux: ``paplay`` or ``aplay``. With no
player the sound is skipped silently: the colour banner still tells the operator.
"""

from __future__ import annotations

import importlib
import logging
import shutil
import subprocess
import sys
from enum import Enum
from pathlib import Path

from station.ui.resources import resource

log = logging.getLogger(__name__)


class Sound(str, Enum):
    OK = "ok"
    FAIL = "fail"

    @property
    def path(self) -> Path:
        return resource("sounds", f"{self.value}.wav")


def player_command() -> list[str] | None:
    """The system's command that plays a .wav file given after it; None on Windows (``winsound``) or with none."""
    if sys.platform == "darwin":
        names = ["afplay"]
    elif sys.platform.startswith("win"):
        return None
    else:
        names = ["paplay", "aplay"]
    for name in names:
        found = shutil.which(name)
        if found:
            return [found, "-q"] if name == "aplay" else [found]
    return None


class SoundPlayer:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.played: list[Sound] = []  # what was asked for, for tests and the log
        self._command = player_command()

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        if not self.enabled or not sound.path.exists():
            return
        try:
            if sys.platform.startswith("win"):
                winsound = importlib.import_module("winsound")
                winsound.PlaySound(str(sound.path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self._command:
                subprocess.Popen(
                    [*self._command, str(sound.path)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    stdin=subprocess.DEVNULL,
                )
        except (OSError, RuntimeError) as exc:  # no sound device (winsound raises RuntimeError)
            log.debug("sound not played: %s", exc)
