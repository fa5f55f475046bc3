"""Writes the spoken prompts, ``resources/voice/<language>/<name>.wav``, with espeak-ng.

Each file is the prompt's short tone (``resources/sounds/ok.wav`` for complete, more, signed in and
labels sent; ``fail.wav`` for the others), a short pause, then the words: one file plays one clear
answer. Mono, 16 kHz, 16-bit, silence trimmed, so the files stay small and are committed: the
bench and CI play them as they are (``station/ui/voice.py``) and need no speech engine.

Names: the prompt's value (``complete.wav``, ``wrong_item.wav``...), ``more_<n>.wav`` for n = 1..30
and ``more_many.wav`` above that. ``tests/ui/test_voice.py`` checks every prompt and count has its
file in both languages.

Re-run after changing a text or a tone (Debian: ``apt-get install espeak-ng``)::

    python3 resources/voice/make_prompts.py

It rewrites every file from the texts below; the same espeak-ng (1.51 made the committed files)
and the same tones give the same bytes. Mandarin uses espeak-ng's ``cmn-latn-pinyin`` voice: the
plain ``cmn`` voice reads the characters it has no entry for as pinyin spelled out in English
(还 becomes "hai two").
"""

from __future__ import annotations

import math
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOUNDS = HERE.parent / "sounds"
RATE = 16_000
MAX_MORE = 30  # "three more" up to here; above, "more to scan"
GAP_S = 0.08  # between the tone and the words
PEAK = 0.7  # the words' loudest sample, of full scale (the tones peak at 0.5)
SILENT = 300  # samples quieter than this at either end of the words are trimmed

VOICES = {"en": ("en-us", 185), "zh_CN": ("cmn-latn-pinyin", 230)}  # espeak-ng voice, words per minute
OK_PROMPTS = ("complete", "signed_in", "printed")  # and every more_*: the ok tone; the rest: the fail tone

TEXTS = {
    "en": {
        "complete": "Complete",
        "wrong_item": "Wrong item",
        "too_many": "Too many",
        "cancelled": "Cancelled. Do not pack.",
        "held": "Held at another bench",
        "unknown": "Unknown code",
        "reason_needed": "Choose a reason",
        "signed_in": "Signed in",
        "printed": "Labels sent",
        "more_many": "More to scan",
    },
    "zh_CN": {
        "complete": "完成",
        "wrong_item": "错误商品",
        "too_many": "数量超出",
        "cancelled": "已取消，请勿打包",
        "held": "其他工位处理中",
        "unknown": "未知条码",
        "reason_needed": "请选择原因",
        "signed_in": "已登录",
        "printed": "面单已发送",
        "more_many": "还有多件",
    },
}

EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
EN_TENS = {2: "twenty", 3: "thirty"}
ZH_DIGITS = "零一二三四五六七八九"


def english_number(n: int) -> str:
    if n < 20:
        return EN_ONES[n]
    tens, ones = divmod(n, 10)
    return EN_TENS[tens] + (f"-{EN_ONES[ones]}" if ones else "")


def chinese_count(n: int) -> str:
    """``n`` as counted before a measure word: 两件, not 二件; 十二, 二十, 二十二."""
    if n == 2:
        return "两"
    if n < 10:
        return ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[ones] if ones else "")


def texts(language: str) -> dict[str, str]:
    """Every file's words in ``language``, by file name (without .wav)."""
    result = dict(TEXTS[language])
    for n in range(1, MAX_MORE + 1):
        result[f"more_{n}"] = f"{english_number(n)} more" if language == "en" else f"还差{chinese_count(n)}件"
    return result


def read(path: Path) -> tuple[list[int], int]:
    with wave.open(str(path), "rb") as source:
        if source.getnchannels() != 1 or source.getsampwidth() != 2:
            raise SystemExit(f"{path}: not 16-bit mono")
        frames = source.readframes(source.getnframes())
        return list(struct.unpack(f"<{len(frames) // 2}h", frames)), source.getframerate()


def resample(samples: list[int], rate: int) -> list[int]:
    """``samples`` at ``rate`` Hz brought to RATE: a Hann-windowed sinc, low-passed below the new Nyquist."""
    if rate == RATE:
        return samples
    step = rate / RATE
    cutoff = min(1.0, RATE / rate) * 0.95  # of the source's Nyquist
    half = 12  # taps either side
    out = []
    for i in range(int(len(samples) / step)):
        centre = i * step
        first = math.floor(centre) - half + 1
        total = 0.0
        for j in range(max(0, first), min(len(samples), first + 2 * half)):
            x = j - centre
            window = 0.5 + 0.5 * math.cos(math.pi * x / half) if abs(x) < half else 0.0
            sinc = cutoff if x == 0 else math.sin(math.pi * cutoff * x) / (math.pi * x)
            total += samples[j] * sinc * window
        out.append(max(-32768, min(32767, round(total))))
    return out


def speak(text: str, language: str) -> list[int]:
    voice, speed = VOICES[language]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "words.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text], check=True)
        samples, rate = read(path)
    loud = [i for i, value in enumerate(samples) if abs(value) >= SILENT]
    if not loud:
        raise SystemExit(f"espeak-ng said nothing for {text!r}")
    margin = rate // 50  # 20 ms kept around the words
    words = samples[max(0, loud[0] - margin) : loud[-1] + margin]
    gain = PEAK * 32767 / max(abs(value) for value in words)
    return resample([round(value * gain) for value in words], rate)


def write(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def main() -> None:
    tones = {name: resample(*read(SOUNDS / f"{name}.wav")) for name in ("ok", "fail")}
    gap = [0] * int(RATE * GAP_S)
    total = 0
    for language in VOICES:
        folder = HERE / language
        folder.mkdir(exist_ok=True)
        for old in folder.glob("*.wav"):
            old.unlink()
        for name, text in texts(language).items():
            tone = tones["ok" if name in OK_PROMPTS or name.startswith("more_") else "fail"]
            path = folder / f"{name}.wav"
            write(path, tone + gap + speak(text, language))
            total += path.stat().st_size
    print(f"make_prompts: {total / 1024:.0f} KiB in {HERE}")


if __name__ == "__main__":
    main()
