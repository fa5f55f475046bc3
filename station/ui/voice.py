"""Spoken prompts: one short answer to a scan, in the window's language, so that an operator with a
carton in both hands need not look at the screen.

The prompts are pre-rendered (``resources/voice/<language>/<name>.wav``, made by
``resources/voice/make_prompts.py``): each file is the ok or fail tone, then the words, so the
bench needs no speech engine. :class:`VoiceMode` picks what a prompt plays: the file (VOICE), the
tone alone through :class:`~station.ui.sound.SoundPlayer` (SOUNDS), or nothing (SILENT); with the
Sounds preference off (the player disabled) nothing plays at all. A new prompt stops the one still
playing: at 200 scans a minute the answers must not pile up. A missing file plays the tone instead;
no player, nothing: the banner still tells.
"""

from __future__ import annotations

import importlib
import logging
import subprocess
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from station.ui.resources import resource
from station.ui.sound import Sound, SoundPlayer, player_command
from station.voice_mode import VoiceMode

__all__ = ["LANGUAGES", "MAX_COUNT", "ClipPlayer", "Prompt", "Spoken", "Voice", "VoiceMode", "window_language"]

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")  # the languages the prompts are rendered in; anything else speaks English
MAX_COUNT = 30  # "three more" up to here; above it, "more to scan"


class Prompt(str, Enum):
    COMPLETE = "complete"  # Complete / 完成
    MORE = "more"  # with a count: "three more" / 还差三件; above MAX_COUNT "more to scan" / 还有多件
    WRONG_ITEM = "wrong_item"  # Wrong item / 错误商品
    TOO_MANY = "too_many"  # Too many / 数量超出
    CANCELLED = "cancelled"  # Cancelled. Do not pack. / 已取消，请勿打包
    HELD = "held"  # Held at another bench / 其他工位处理中
    UNKNOWN = "unknown"  # Unknown code / 未知条码
    REASON_NEEDED = "reason_needed"  # Choose a reason / 请选择原因
    SIGNED_IN = "signed_in"  # Signed in / 已登录
    PRINTED = "printed"  # Labels sent / 面单已发送

    @property
    def sound(self) -> Sound:
        """The tone the prompt starts with, and all SOUNDS mode plays."""
        return Sound.OK if self in _GOOD else Sound.FAIL


_GOOD = frozenset({Prompt.COMPLETE, Prompt.MORE, Prompt.SIGNED_IN, Prompt.PRINTED})


@dataclass(frozen=True)
class Spoken:
    """A prompt asked for, with its count (MORE's units still to scan; 0 for the others)."""

    prompt: Prompt
    count: int = 0


def file_name(prompt: Prompt, count: int = 0) -> str:
    """The prompt's file in a language's folder: ``wrong_item.wav``, ``more_3.wav``, ``more_many.wav``."""
    if prompt is Prompt.MORE:
        return f"more_{count}.wav" if 1 <= count <= MAX_COUNT else "more_many.wav"
    return f"{prompt.value}.wav"


def window_language(locale: QLocale | None = None) -> str:
    """The language the window speaks for ``locale`` (default: the application's), found as
    ``station.ui.app.install_translations`` finds the station's translation: ``zh_CN`` or ``en``."""
    translator = QTranslator()
    loaded = translator.load(locale or QLocale(), "station", "_", str(resource("translations")))
    return translator.language() if loaded and translator.language() in LANGUAGES else "en"


class ClipPlayer:
    """Plays one file at a time through the system's player, never blocking: a new clip stops the one
    still playing. Windows: ``winsound`` (a new asynchronous sound replaces the one playing)."""

    def __init__(self, command: list[str] | None = None) -> None:
        """``command``: the player, the file's path added after it (default: the system's, as for the tones)."""
        self.command = command if command is not None else player_command()
        self.current: subprocess.Popen[bytes] | None = None
        self._stopping: list[subprocess.Popen[bytes]] = []  # stopped, reaped once they have exited

    def play(self, path: Path) -> None:
        self.stop()
        try:
            if self.command:
                self.current = subprocess.Popen(
                    [*self.command, str(path)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    stdin=subprocess.DEVNULL,
                )
            elif sys.platform.startswith("win"):
                winsound = importlib.import_module("winsound")
                winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        except (OSError, RuntimeError) as exc:  # no player, no sound device (winsound): the banner still tells
            log.debug("prompt not played: %s", exc)

    def stop(self) -> None:
        """Stops the clip still playing, if any, without waiting for it to end."""
        self._stopping = [process for process in self._stopping if process.poll() is None]
        process, self.current = self.current, None
        if process is not None and process.poll() is None:
            process.terminate()  # (one that has ended meanwhile is left alone)
            self._stopping.append(process)
        elif not self.command and sys.platform.startswith("win"):
            winsound = importlib.import_module("winsound")
            winsound.PlaySound(None, 0)  # None: whatever is playing stops


class Voice:
    """The station's spoken prompts: :meth:`say` one; ``said`` keeps every prompt asked for, whatever
    the mode, and ``played`` every file VOICE mode sent to the player."""

    def __init__(
        self,
        sounds: SoundPlayer,
        mode: VoiceMode = VoiceMode.VOICE,
        language: str = "en",
        player: ClipPlayer | None = None,
    ) -> None:
        self.sounds = sounds  # its ``enabled`` is the Sounds preference: off, no sound at all
        self.mode = mode
        self.language = language
        self.player = player if player is not None else ClipPlayer()
        self.said: list[Spoken] = []
        self.played: list[Path] = []

    @property
    def language(self) -> str:
        """``en`` or ``zh_CN``: the window's language (anything else is taken as English)."""
        return self._language

    @language.setter
    def language(self, code: str) -> None:
        self._language = code if code in LANGUAGES else "en"

    def file_for(self, prompt: Prompt, count: int = 0) -> Path | None:
        """The file VOICE mode plays for ``prompt`` (and ``count``) in this language; None if it is missing."""
        path = resource("voice", self.language, file_name(prompt, count))
        return path if path.is_file() else None

    def say(self, prompt: Prompt, count: int = 0) -> None:
        self.said.append(Spoken(prompt, count))
        if not self.sounds.enabled or self.mode is VoiceMode.SILENT:
            self.player.stop()
            return
        path = self.file_for(prompt, count) if self.mode is VoiceMode.VOICE else None
        if path is None:  # SOUNDS mode, or a file missing: the tone still answers
            self.player.stop()
            self.sounds.play(prompt.sound)
            return
        self.played.append(path)
        self.player.play(path)

    def stop(self) -> None:
        """Silence: the prompt still playing stops (the window's shutdown)."""
        self.player.stop()
