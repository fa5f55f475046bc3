"""Access tokens: created from an authorisation code, refreshed before they expire.

A refresh returns a new refresh token too; the newest pair is saved at once so that a crash
right after a refresh loses nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from station.lazada.errors import RefreshTokenError, TokenExpiredError
from station.lazada.models import TokenInfo
from station.lazada.redact import SECRETS
from station.lazada.transport import Transport
from station.problems import Problem

log = logging.getLogger(__name__)

TOKEN_CREATE_PATH = "/auth/token/create"
TOKEN_REFRESH_PATH = "/auth/token/refresh"
REFRESH_MARGIN_SECONDS = 30 * 60  # the platform's guides refresh about 30 minutes before expiry


class TokenStore(Protocol):
    def load_tokens(self) -> TokenInfo | None: ...

    def save_tokens(self, tokens: TokenInfo) -> None: ...


class RefreshObserver(Protocol):
    """Told before a refresh is sent and after its answer (the journal records both)."""

    def refresh_started(self) -> int: ...

    def refresh_finished(self, handle: int, ok: bool, detail: str = "") -> None: ...


class MemoryTokenStore:
    """Holds tokens for one process only (demo mode, tests)."""

    def __init__(self, tokens: TokenInfo | None = None) -> None:
        self._tokens = tokens

    def load_tokens(self) -> TokenInfo | None:
        return self._tokens

    def save_tokens(self, tokens: TokenInfo) -> None:
        self._tokens = tokens


class TokenManager:
    def __init__(
        self,
        transport: Transport,
        store: TokenStore,
        *,
        refresh_margin: float = REFRESH_MARGIN_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._transport = transport
        self._store = store
        self._margin = refresh_margin
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = store.load_tokens()
        if self._tokens:
            SECRETS.add(self._tokens.access_token, self._tokens.refresh_token)
        self.refresh_count = 0
        self.observer: RefreshObserver | None = None
        # Told (on the calling thread) when the authorisation has ended: the refresh token expired or
        # was refused. Nothing works until the shop is connected again; the window says so.
        self.on_refused: Callable[[RefreshTokenError], None] | None = None

    @property
    def tokens(self) -> TokenInfo | None:
        return self._tokens

    def access_token(self) -> str:
        """The current access token, refreshed first when it is about to expire."""
        tokens = self._tokens
        if tokens is None:
            raise TokenExpiredError("no access token", problem=Problem("lazada.no_token"))
        if tokens.expires_within(self._margin, self._clock()) and tokens.can_refresh:
            tokens = self.refresh(stale_access_token=tokens.access_token)
        return tokens.access_token

    def reload(self) -> TokenInfo | None:
        """Read the tokens again from the store (the shop was connected again meanwhile)."""
        with self._lock:
            self._tokens = self._store.load_tokens()
            if self._tokens:
                SECRETS.add(self._tokens.access_token, self._tokens.refresh_token)
            return self._tokens

    def refresh(self, *, stale_access_token: str | None = None) -> TokenInfo:
        """Refresh the tokens once, even when several threads ask at the same moment."""
        try:
            return self._refresh(stale_access_token)
        except RefreshTokenError as exc:
            if self.on_refused is not None:
                self.on_refused(exc)
            raise

    def _refresh(self, stale_access_token: str | None) -> TokenInfo:
        with self._lock:
            current = self._tokens
            if current is None or not current.can_refresh:
                raise RefreshTokenError("no refresh token")
            if stale_access_token is not None and current.access_token != stale_access_token:
                return current  # another thread refreshed while this one waited
            if current.refresh_expires_at and current.refresh_expires_at <= self._clock():
                raise RefreshTokenError("the refresh token has expired")
            handle = self.observer.refresh_started() if self.observer else 0
            try:
                body = self._transport.call(TOKEN_REFRESH_PATH, {"refresh_token": current.refresh_token}, auth_api=True)
                tokens = TokenInfo.from_token_response(body, self._clock())
                if not tokens.refresh_token:
                    tokens = _with_refresh(tokens, current)
                SECRETS.add(tokens.access_token, tokens.refresh_token)
                self._store.save_tokens(tokens)
            except Exception as exc:
                if self.observer:
                    self.observer.refresh_finished(handle, False, type(exc).__name__)
                raise
            if self.observer:
                self.observer.refresh_finished(handle, True)
            self._tokens = tokens
            self.refresh_count += 1
            log.info("access token refreshed; valid for %.1f days", (tokens.expires_at - self._clock()) / 86400)
            return tokens

    def create(self, auth_code: str) -> TokenInfo:
        """Trade an authorisation code (from the OAuth redirect, valid 30 minutes, once) for tokens."""
        with self._lock:
            body = self._transport.call(TOKEN_CREATE_PATH, {"code": auth_code.strip()}, auth_api=True)
            tokens = TokenInfo.from_token_response(body, self._clock())
            SECRETS.add(tokens.access_token, tokens.refresh_token)
            self._store.save_tokens(tokens)
            self._tokens = tokens
            log.info("access token created for account %s", tokens.account or "?")
            return tokens


def _with_refresh(tokens: TokenInfo, previous: TokenInfo) -> TokenInfo:
    return TokenInfo(
        access_token=tokens.access_token,
        refresh_token=previous.refresh_token,
        expires_at=tokens.expires_at,
        refresh_expires_at=previous.refresh_expires_at,
        account=tokens.account or previous.account,
        country=tokens.country or previous.country,
        seller_ids=tokens.seller_ids or previous.seller_ids,
    )
