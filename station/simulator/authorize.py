"""The seller authorisation page (``/oauth/authorize``) and the codes it hands out.

The platform's page asks the seller to log in, pick what to authorise (the marketplace, or
"<country> - Choice" for JIT purchase orders) and agree; the browser then lands on the app's
callback with ``?code=...``. Here the seller is the demo shop, already logged in: the page is the
choice and the two buttons. A code lives 30 minutes and is good once (platform-notes.md); tokens
made from a code chosen without Choice make every JIT call answer ``E1001`` "not jit seller".
"""

from __future__ import annotations

import html
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from station.simulator.demo import APPS, DEMO_ACCOUNT

CODE_SECONDS = 30 * 60

COUNTRIES = {
    "MY": "Malaysia",
    "SG": "Singapore",
    "TH": "Thailand",
    "VN": "Vietnam",
    "PH": "Philippines",
    "ID": "Indonesia",
}


@dataclass
class IssuedCode:
    app_key: str
    choice: bool
    expires_at: float
    used: bool = False


class AuthCodes:
    """Codes handed out by the page: each good once, for a while."""

    def __init__(self) -> None:
        self.codes: dict[str, IssuedCode] = {}

    def issue(self, app_key: str, choice: bool, now: float) -> str:
        code = f"0_{app_key}_{secrets.token_urlsafe(24)}"
        self.codes[code] = IssuedCode(app_key, choice, now + CODE_SECONDS)
        return code

    def take(self, code: str, now: float) -> IssuedCode | None:
        """The code's grant, used up; None when unknown, expired or used already."""
        issued = self.codes.get(code)
        if issued is None or issued.used or issued.expires_at <= now:
            return None
        issued.used = True
        return issued


@dataclass(frozen=True)
class PageAnswer:
    status: int
    content_type: str
    body: bytes
    location: str = ""


def _page(title: str, body: str, status: int = 200) -> PageAnswer:
    text = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:34em;margin:3em auto}"
        "label{display:block;margin:.6em 0;font-size:1.1em}button{font-size:1.1em;margin-right:1em}</style>"
        f"</head><body>{body}</body></html>"
    )
    return PageAnswer(status, "text/html; charset=utf-8", text.encode("utf-8"))


def _redirect(uri: str, params: Mapping[str, str]) -> PageAnswer:
    parts = urlsplit(uri)
    query = "&".join(q for q in (parts.query, urlencode(params)) if q)
    return PageAnswer(302, "text/plain", b"", urlunsplit(parts._replace(query=query)))


def _checked(params: Mapping[str, str]) -> str | None:
    """What is wrong with the request, in the platform page's words; None when it is fine."""
    if params.get("response_type") != "code":
        return "response_type must be code."
    if params.get("client_id", "") not in APPS:
        return "The app (client_id) is not known."
    redirect = urlsplit(params.get("redirect_uri", ""))
    if redirect.scheme not in ("http", "https") or not redirect.netloc:
        return "redirect_uri must be the app's callback address."
    return None


def authorize_page(
    codes: AuthCodes, region: str, method: str, query: Mapping[str, str], form: Mapping[str, str]
) -> PageAnswer:
    """GET: the page; POST (its form): a redirect to the callback with a code, or with ``error``."""
    params = {**query, **form}
    wrong = _checked(params)
    if wrong:
        return _page("Authorisation failed", f"<h1>Authorisation failed</h1><p>{html.escape(wrong)}</p>", 400)
    redirect_uri = params["redirect_uri"]
    passed = {"state": params["state"]} if params.get("state") else {}
    if method == "POST":
        if form.get("action") != "authorize":
            return _redirect(redirect_uri, {"error": "access_denied", **passed})
        code = codes.issue(params["client_id"], form.get("site") == "choice", time.time())
        return _redirect(redirect_uri, {"code": code, **passed})
    country = COUNTRIES.get(region.upper(), region.upper())
    hidden = "".join(
        f"<input type='hidden' name='{html.escape(name)}' value='{html.escape(params[name], quote=True)}'>"
        for name in ("response_type", "force_auth", "redirect_uri", "client_id", "state")
        if name in params
    )
    body = (
        "<h1>Authorise the app</h1>"
        f"<p>Logged in as <b>{html.escape(DEMO_ACCOUNT)}</b>. App <b>{html.escape(params['client_id'])}</b> "
        "asks to work for your shop.</p>"
        f"<form method='post' action='/oauth/authorize'>{hidden}"
        "<label><input type='radio' name='site' value='marketplace' id='site-marketplace' checked> "
        f"{html.escape(country)}</label>"
        f"<label><input type='radio' name='site' value='choice' id='site-choice'> "
        f"{html.escape(country)} - Choice</label>"
        "<button type='submit' name='action' value='authorize' id='authorize'>Authorise</button>"
        "<button type='submit' name='action' value='cancel' id='cancel'>Cancel</button>"
        "</form>"
    )
    return _page("Authorise the app", body)
