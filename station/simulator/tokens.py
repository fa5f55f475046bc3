"""Access and refresh tokens the simulated platform has issued."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from station.simulator.demo import DEMO_ACCESS_TOKEN, DEMO_REFRESH_TOKEN


def _new_token(prefix: str) -> str:
    return prefix + secrets.token_hex(26)


@dataclass
class TokenStore:
    """Expiry times (epoch seconds) of every token issued.

    A refresh issues a new access token and a new refresh token; older refresh tokens stay
    valid until their own expiry, as the platform's do.
    """

    access: dict[str, float] = field(default_factory=dict)
    refresh: dict[str, float] = field(default_factory=dict)
    # Tokens of an authorisation made without the "<country> - Choice" option: JIT calls answer E1001.
    without_choice: set[str] = field(default_factory=set)

    @classmethod
    def with_demo_tokens(cls, now: float, ttl: float, refresh_ttl: float) -> TokenStore:
        return cls({DEMO_ACCESS_TOKEN: now + ttl}, {DEMO_REFRESH_TOKEN: now + refresh_ttl})

    def issue(self, now: float, ttl: float, refresh_ttl: float, *, choice: bool = True) -> tuple[str, str]:
        access = _new_token("50000")
        refresh = _new_token("50001")
        self.access[access] = now + ttl
        self.refresh[refresh] = now + refresh_ttl
        if not choice:
            self.without_choice.update((access, refresh))
        return access, refresh

    def refreshed(self, old_refresh: str, now: float, ttl: float) -> tuple[str, str]:
        """A new pair for a refresh: the new refresh token ends when the old one does (a refresh
        does not extend the authorisation), and covers what the old one covered."""
        return self.issue(now, ttl, self.refresh[old_refresh] - now, choice=old_refresh not in self.without_choice)

    def covers_choice(self, access_token: str) -> bool:
        return access_token not in self.without_choice

    def access_valid(self, token: str, now: float) -> bool:
        expires = self.access.get(token)
        return expires is not None and expires > now

    def refresh_valid(self, token: str, now: float) -> bool:
        expires = self.refresh.get(token)
        return expires is not None and expires > now

    def expire_access_tokens(self, now: float) -> int:
        for token in self.access:
            self.access[token] = min(self.access[token], now)
        return len(self.access)

    def to_dict(self) -> dict[str, Any]:
        return {
            "access": dict(self.access),
            "refresh": dict(self.refresh),
            "without_choice": sorted(self.without_choice),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TokenStore:
        return cls(
            {str(k): float(v) for k, v in d.get("access", {}).items()},
            {str(k): float(v) for k, v in d.get("refresh", {}).items()},
            {str(t) for t in d.get("without_choice", [])},
        )
