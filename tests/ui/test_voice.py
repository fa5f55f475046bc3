"""Spoken prompts: which file each prompt, count and language plays, that every one is there, what
each mode plays, the setting, and that a new prompt stops the one still playing.

The choice is checked, not the loudspeaker: the tone player is given no command, and the clip
player a real process that plays nothing, so the tests make no sound on a desk with speakers.
"""

from __future__ import annotations

import signal
import struct
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from station.ui.main_window import MainWindow
from station.ui.resources import resource
from station.ui.settings_dialog import SettingsDialog
from station.ui.sound import Sound, SoundPlayer
from station.ui.ui_settings import UiSettings
from station.ui.voice import LANGUAGES, MAX_COUNT, ClipPlayer, Prompt, Spoken, Voice, VoiceMode, window_language

from .conftest import WAIT_MS

QUIET = [sys.executable, "-c", "pass"]  # a real player that plays nothing and ends at once
LINGERING = [sys.executable, "-c", "import time; time.sleep(60)"]  # one still playing when the next comes
OK_PROMPTS = {Prompt.COMPLETE, Prompt.MORE, Prompt.SIGNED_IN, Prompt.PRINTED}
TONE_S = 0.2  # the start every prompt of one tone shares (the ok tone lasts 0.23 s, the fail tone 0.45 s)
TOTAL_BYTES = 4 * 1024 * 1024  # what the committed prompts may weigh, both languages


def silent_sounds(enabled: bool = True) -> SoundPlayer:
    sounds = SoundPlayer(enabled)
    sounds._command = None  # the tone is recorded in ``played``, not sent to a player (Windows: winsound)
    return sounds


def voice(mode: VoiceMode = VoiceMode.VOICE, language: str = "en", *, sounds: bool = True) -> Voice:
    return Voice(silent_sounds(sounds), mode, language, ClipPlayer(QUIET))


def every_prompt() -> list[tuple[Prompt, int]]:
    """Each prompt once, MORE with every count it has words for and one above."""
    return [(p, 0) for p in Prompt if p is not Prompt.MORE] + [(Prompt.MORE, n) for n in range(1, MAX_COUNT + 2)]


def samples(path: Path) -> tuple[list[int], int]:
    with wave.open(str(path), "rb") as clip:
        assert (clip.getnchannels(), clip.getsampwidth()) == (1, 2), path
        assert clip.getframerate() <= 16_000, path
        frames = clip.readframes(clip.getnframes())
        return list(struct.unpack(f"<{len(frames) // 2}h", frames)), clip.getframerate()


# ------------------------------------------------------------------ which file
@pytest.mark.parametrize(
    ("prompt", "count", "language", "name"),
    [
        (Prompt.COMPLETE, 0, "en", "en/complete.wav"),
        (Prompt.WRONG_ITEM, 0, "zh_CN", "zh_CN/wrong_item.wav"),
        (Prompt.CANCELLED, 0, "zh_CN", "zh_CN/cancelled.wav"),
        (Prompt.MORE, 1, "en", "en/more_1.wav"),
        (Prompt.MORE, 3, "zh_CN", "zh_CN/more_3.wav"),
        (Prompt.MORE, 30, "en", "en/more_30.wav"),
        (Prompt.MORE, 31, "zh_CN", "zh_CN/more_many.wav"),
        (Prompt.MORE, 500, "en", "en/more_many.wav"),
        (Prompt.MORE, 0, "en", "en/more_many.wav"),
        (Prompt.TOO_MANY, 7, "en", "en/too_many.wav"),  # a count means nothing to the others
        (Prompt.HELD, 0, "fr_FR", "en/held.wav"),  # a language with no prompts: English
        (Prompt.UNKNOWN, 0, "zh_TW", "en/unknown.wav"),
    ],
)
def test_the_file_each_prompt_count_and_language_plays(prompt: Prompt, count: int, language: str, name: str) -> None:
    assert voice(language=language).file_for(prompt, count) == resource("voice", *name.split("/"))


def test_every_prompt_and_count_has_its_file_in_both_languages_and_nothing_else_is_there() -> None:
    total = 0
    for language in LANGUAGES:
        speaker = voice(language=language)
        files = {prompt_count: speaker.file_for(*prompt_count) for prompt_count in every_prompt()}
        missing = [prompt_count for prompt_count, path in files.items() if path is None]
        assert not missing, f"{language}: no file for {missing}"
        expected = {path for path in files.values() if path is not None}
        assert set(resource("voice", language).glob("*.wav")) == expected  # no file left from an old text
        assert len(expected) == len(Prompt) - 1 + MAX_COUNT + 1
        total += sum(path.stat().st_size for path in expected)
    assert total < TOTAL_BYTES


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_file_starts_with_its_tone_then_says_words_of_its_own(language: str) -> None:
    speaker = voice(language=language)
    starts: dict[bool, set[tuple[int, ...]]] = {True: set(), False: set()}
    clips = set()
    for prompt, count in every_prompt():
        path = speaker.file_for(prompt, count)
        assert path is not None
        clip, rate = samples(path)
        tone = int(rate * TONE_S)
        assert len(clip) > 2 * tone, f"{path.name}: no words after the tone"
        assert max(abs(value) for value in clip[tone:]) > 8000, f"{path.name}: the words are not heard"
        starts[prompt in OK_PROMPTS].add(tuple(clip[:tone]))
        clips.add(tuple(clip))
    assert len(starts[True]) == 1 and len(starts[False]) == 1  # one tone for each kind of answer...
    assert starts[True] != starts[False]  # ...and the two differ
    assert len(clips) == len(every_prompt())  # every file its own words


# ------------------------------------------------------------------ what each mode plays
@pytest.mark.parametrize(("prompt", "count"), [(Prompt.MORE, 3), (Prompt.WRONG_ITEM, 0), (Prompt.CANCELLED, 0)])
def test_voice_mode_plays_the_prompt_file(prompt: Prompt, count: int) -> None:
    speaker = voice(VoiceMode.VOICE, "zh_CN")
    speaker.say(prompt, count)
    assert speaker.said == [Spoken(prompt, count)]
    assert speaker.played == [speaker.file_for(prompt, count)]
    assert speaker.sounds.played == []  # the file holds the tone: it is not played twice


@pytest.mark.parametrize("prompt", list(Prompt))
def test_sounds_mode_plays_the_prompt_tone_only(prompt: Prompt) -> None:
    speaker = voice(VoiceMode.SOUNDS)
    speaker.say(prompt, 2)
    assert speaker.said == [Spoken(prompt, 2)]
    assert speaker.played == []
    assert speaker.sounds.played == [Sound.OK if prompt in OK_PROMPTS else Sound.FAIL]


def test_silent_mode_plays_nothing_but_keeps_what_was_said() -> None:
    speaker = voice(VoiceMode.SILENT)
    speaker.say(Prompt.WRONG_ITEM)
    speaker.say(Prompt.MORE, 4)
    assert speaker.said == [Spoken(Prompt.WRONG_ITEM), Spoken(Prompt.MORE, 4)]
    assert speaker.played == [] and speaker.sounds.played == []


@pytest.mark.parametrize("mode", list(VoiceMode))
def test_sounds_off_plays_nothing_in_any_mode(mode: VoiceMode) -> None:
    speaker = voice(mode, sounds=False)
    speaker.say(Prompt.TOO_MANY)
    assert speaker.said == [Spoken(Prompt.TOO_MANY)]
    assert speaker.played == [] and speaker.sounds.played == []


def test_a_missing_prompt_file_plays_its_tone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_RESOURCES", str(tmp_path))  # resources without voice/
    speaker = voice(VoiceMode.VOICE)
    assert speaker.file_for(Prompt.COMPLETE) is None
    speaker.say(Prompt.COMPLETE)
    speaker.say(Prompt.UNKNOWN)
    assert speaker.played == []
    assert speaker.sounds.played == [Sound.OK, Sound.FAIL]


def test_no_player_is_no_sound_and_no_error() -> None:
    speaker = Voice(silent_sounds(), VoiceMode.VOICE, "en", ClipPlayer([]))
    speaker.say(Prompt.COMPLETE)
    assert speaker.played == [speaker.file_for(Prompt.COMPLETE)]
    assert speaker.player.current is None


# ------------------------------------------------------------------ a new prompt stops the last
def test_a_new_prompt_stops_the_one_still_playing(qtbot: QtBot) -> None:
    speaker = Voice(silent_sounds(), VoiceMode.VOICE, "en", ClipPlayer(LINGERING))
    speaker.say(Prompt.MORE, 3)
    first = speaker.player.current
    assert first is not None and first.poll() is None  # say() came back while it plays: nothing blocked
    assert isinstance(first.args, list) and first.args[-1] == str(speaker.file_for(Prompt.MORE, 3))

    speaker.say(Prompt.WRONG_ITEM)
    qtbot.waitUntil(lambda: first.poll() is not None, timeout=5000)
    assert first.returncode == (1 if sys.platform == "win32" else -signal.SIGTERM)  # stopped, not ended
    second = speaker.player.current
    assert second is not None and second is not first and second.poll() is None
    assert isinstance(second.args, list) and second.args[-1] == str(speaker.file_for(Prompt.WRONG_ITEM))

    speaker.mode = VoiceMode.SILENT  # a silent answer silences the last spoken one too
    speaker.say(Prompt.COMPLETE)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=5000)
    assert speaker.player.current is None


def test_stop_ends_the_prompt_playing(qtbot: QtBot) -> None:
    speaker = Voice(silent_sounds(), VoiceMode.VOICE, "zh_CN", ClipPlayer(LINGERING))
    speaker.say(Prompt.CANCELLED)
    playing = speaker.player.current
    assert playing is not None
    speaker.stop()
    qtbot.waitUntil(lambda: playing.poll() is not None, timeout=5000)
    speaker.stop()  # nothing left to stop: no error


# ------------------------------------------------------------------ the window's language
@pytest.mark.parametrize(
    ("locale", "language"),
    [("zh_CN", "zh_CN"), ("en_US", "en"), ("en_GB", "en"), ("zh_TW", "en"), ("fr_FR", "en"), ("C", "en")],
)
def test_the_prompts_speak_the_language_the_window_is_translated_to(locale: str, language: str) -> None:
    assert window_language(QLocale(locale)) == language


# ------------------------------------------------------------------ the setting
def test_the_setting_is_saved_and_shown_again(qtbot: QtBot) -> None:
    ui = UiSettings()
    assert ui.voice_mode is VoiceMode.VOICE  # the default
    dialog = SettingsDialog(ui)
    qtbot.addWidget(dialog)
    assert dialog.voice.currentData() == VoiceMode.VOICE.value
    assert dialog.voice.toolTip() and dialog.voice.toolTip() == dialog.sounds.toolTip()
    dialog.voice.setCurrentIndex(dialog.voice.findData(VoiceMode.SILENT.value))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert UiSettings().voice_mode is VoiceMode.SILENT

    again = SettingsDialog(UiSettings())
    qtbot.addWidget(again)
    assert again.voice.currentData() == VoiceMode.SILENT.value
    assert [again.voice.itemText(i) for i in range(again.voice.count())] == ["Voice", "Sounds only", "Silent"]


def test_the_choice_waits_on_sounds_being_on(qtbot: QtBot) -> None:
    ui = UiSettings()
    ui.sounds = False
    dialog = SettingsDialog(ui)
    qtbot.addWidget(dialog)
    assert not dialog.voice.isEnabled()  # sounds off: nothing is heard, whatever the choice
    dialog.sounds.setChecked(True)
    assert dialog.voice.isEnabled()


def test_the_window_applies_the_choice_at_once(window: MainWindow, qtbot: QtBot) -> None:
    window.sounds._command = None
    window.voice.player = ClipPlayer(QUIET)
    assert window.jit.feedback.voice is window.voice
    assert window.voice.language == window_language()
    window.jit.feedback.say(Prompt.WRONG_ITEM)  # the tests' settings have sounds off: nothing plays
    assert window.voice.said == [Spoken(Prompt.WRONG_ITEM)]
    assert window.voice.played == [] and window.sounds.played == []

    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.sounds.setChecked(True)
    dialog.voice.setCurrentIndex(dialog.voice.findData(VoiceMode.SOUNDS.value))
    dialog.save()
    assert window.voice.mode is VoiceMode.SOUNDS and window.sounds.enabled
    window.jit.feedback.say(Prompt.WRONG_ITEM)
    assert window.sounds.played == [Sound.FAIL] and window.voice.played == []

    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    dialog.voice.setCurrentIndex(dialog.voice.findData(VoiceMode.VOICE.value))
    dialog.save()
    window.jit.feedback.say(Prompt.MORE, 2)
    assert window.voice.played == [window.voice.file_for(Prompt.MORE, 2)]
    assert window.voice.said[-1] == Spoken(Prompt.MORE, 2)
