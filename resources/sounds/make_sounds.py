"""Writes ok.wav (two rising beeps) and fail.wav (a low buzz) with the standard library only."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(freq: float, seconds: float, volume: float = 0.5, square: bool = False) -> list[int]:
    samples = []
    count = int(RATE * seconds)
    for i in range(count):
        value = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            value = 1.0 if value >= 0 else -1.0
        fade = min(1.0, i / 200, (count - i) / 200)
        samples.append(int(32767 * volume * value * fade))
    return samples


def write(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


if __name__ == "__main__":
    here = Path(__file__).parent
    write(here / "ok.wav", tone(880, 0.08) + tone(0, 0.03) + tone(1320, 0.12))
    write(here / "fail.wav", tone(180, 0.45, 0.45, square=True))
