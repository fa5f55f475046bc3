"""Seller authorisation: the page a shop owner opens, and the code the browser brings back.

The platform hands out tokens only through its authorisation: the owner opens the authorise page
(:func:`authorize_url`), logs in, picks "<country> - Choice" and agrees; the browser lands on the
app's callback with ``?code=...``. The station takes that code from the whole address pasted back
(:func:`code_from`), or, when the callback is a loopback address, catches it itself
(:class:`LoopbackCatcher`, one request, then it stops listening). The code is then exchanged at
``/auth/token/create`` (:meth:`~station.lazada.tokens.TokenManager.create`).
"""

from __future__ import annotations

import html
import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from station.lazada.errors import AuthCodeError
from station.lazada.limits import invalid
from station.problems import Problem

AUTHORIZE_URL = "https://auth.lazada.com/oauth/authorize"
# The callback an app registers for a bench: the station listens there for the code itself.
DEFAULT_CALLBACK = "http://127.0.0.1:8719/callback"
LOOPBACK_NAMES = ("localhost",)


def authorize_url(app_key: str, redirect_uri: str, *, base: str = AUTHORIZE_URL, state: str = "") -> str:
    """The authorise page for ``app_key``, coming back to ``redirect_uri`` (the app's registered callback)."""
    if not app_key.strip():
        raise invalid("request.list_blank", name="The app key")
    callback = urlsplit(redirect_uri)
    if callback.scheme not in ("http", "https") or not callback.netloc:
        raise invalid("auth.callback", uri=redirect_uri)
    params = {
        "response_type": "code",
        "force_auth": "true",
        "redirect_uri": redirect_uri,
        "client_id": app_key.strip(),
    }
    if state:
        params["state"] = state
    return f"{base}?{urlencode(params)}"


def is_loopback(redirect_uri: str) -> bool:
    """Whether the callback is on this computer (the station can listen there itself)."""
    host = urlsplit(redirect_uri).hostname or ""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def code_from(text: str) -> str:
    """The authorisation code in what the owner pasted: the code itself, or the whole address the
    browser landed on. A page that says the owner refused, or an address with no code, is a clear error."""
    pasted = text.strip()
    if not pasted:
        raise invalid("auth.no_code")
    if "://" not in pasted and "?" not in pasted and "=" not in pasted:
        return pasted  # the code alone
    query = parse_qs(urlsplit(pasted).query or pasted.split("?", 1)[-1])
    if "error" in query:
        raise AuthCodeError(
            f"authorisation refused: {query['error'][0]}", problem=Problem("auth.refused", {"error": query["error"][0]})
        )
    codes = query.get("code")
    if not codes or not codes[0].strip():
        raise invalid("auth.no_code")
    return codes[0].strip()


class LoopbackCatcher:
    """Listens once on a loopback callback (``http://127.0.0.1:<port>/<path>``) for the browser's landing.

    ``start()`` binds (an error at once if the port is taken); ``wait(timeout)`` returns the code,
    raises :class:`AuthCodeError` when the owner refused, and None when nothing came in time. The
    browser gets a short page saying to go back to the station."""

    def __init__(self, redirect_uri: str) -> None:
        parts = urlsplit(redirect_uri)
        if parts.scheme != "http" or not is_loopback(redirect_uri):
            raise invalid("auth.callback", uri=redirect_uri)
        self.path = parts.path or "/"
        self.host = parts.hostname or "127.0.0.1"
        self.port = 80 if parts.port is None else parts.port  # 0: a free port, chosen on start()
        self._landed = threading.Event()
        self._cancelled = False
        self._query: dict[str, list[str]] = {}
        self._server: HTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        catcher = self

        class Landing(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != catcher.path:
                    self.send_error(404)
                    return
                query = parse_qs(parts.query)
                ok = "code" in query
                words = (
                    "The shop is connected. You can close this window and go back to Station."
                    if ok
                    else "The authorisation was not given. Go back to Station to try again."
                )
                body = f"<!doctype html><meta charset='utf-8'><title>Station</title><p>{html.escape(words)}</p>"
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                if not catcher._landed.is_set():
                    catcher._query = query
                    catcher._landed.set()

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the address holds the code: it never goes to a log

        self._server = HTTPServer((self.host, self.port), Landing)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="auth-callback", daemon=True)
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    def wait(self, timeout: float) -> str | None:
        try:
            if not self._landed.wait(timeout) or self._cancelled:
                return None
            query = self._query
            if "error" in query:
                raise AuthCodeError(
                    f"authorisation refused: {query['error'][0]}",
                    problem=Problem("auth.refused", {"error": query["error"][0]}),
                )
            return query["code"][0].strip()
        finally:
            self.stop()

    def cancel(self) -> None:
        """From another thread: :meth:`wait` returns None at once (the owner gave up, or pasted the address)."""
        self._cancelled = True
        self._landed.set()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
