"""What the operator sees and hears in answer to a scan, a batch or a failure: the banner, the
error bar, the sounds and the spoken prompts, behind five calls. The scan handler and the JIT bench's controllers
talk to this, not to the window."""

from __future__ import annotations

import logging

from station.ui.errors import ErrorBar, OperatorError
from station.ui.sound import Sound, SoundPlayer
from station.ui.voice import Prompt, Voice
from station.ui.widgets import FlashBanner

log = logging.getLogger(__name__)


class Feedback:
    def __init__(
        self, banner: FlashBanner, error_bar: ErrorBar, sounds: SoundPlayer, voice: Voice | None = None
    ) -> None:
        """``voice``: the window's spoken prompts (default: English, spoken, over ``sounds``)."""
        self.banner = banner
        self.error_bar = error_bar
        self.sounds = sounds
        self.voice = voice if voice is not None else Voice(sounds)

    def flash(self, text: str, ok: bool) -> None:
        """The banner, green or red for a moment."""
        self.banner.flash(text, ok)

    def info(self, text: str) -> None:
        """The banner, neutral: something is under way."""
        self.banner.info(text)

    def play(self, sound: Sound) -> None:
        self.sounds.play(sound)

    def say(self, prompt: Prompt, count: int = 0) -> None:
        """A spoken prompt (``count``: MORE's units still to scan), or its tone, or nothing, as the
        Settings say; it stops the prompt still playing."""
        self.voice.say(prompt, count)

    def show_error(self, error: BaseException | OperatorError) -> None:
        """The error bar and the fail sound; an exception (not yet described) goes to the log too."""
        if isinstance(error, BaseException):
            log.error("%s", error)
        self.error_bar.show_error(error)
        self.sounds.play(Sound.FAIL)
