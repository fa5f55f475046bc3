"""Where the icons, sounds and translations are: ``resources/`` at the top of the source tree."""

from __future__ import annotations

from pathlib import Path

from station import preferences


def resources_dir() -> Path:
    override = preferences.from_environment(preferences.RESOURCES)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
