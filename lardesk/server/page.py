"""The phone page: one HTML document with its style and script inline (nothing else is served), in the
session's language, and the Content-Security-Policy that allows exactly that style and that script. Its words
are section "phone" of the report-words catalogue (:mod:`lardesk.method.words`); the server fills in the
organisation, the round and the number of scales (in its plural form), round.js the rest of the {placeholders}."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from html import escape
from string import Template
from typing import Any

from lardesk.method.words import section, word
from lardesk.resources import resources_dir
from lardesk.server.round import PhoneRound


@dataclass(frozen=True, slots=True)
class PageParts:
    template: Template
    style: str
    script: str
    csp: str


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def parts() -> PageParts:
    folder = resources_dir() / "web"
    style = (folder / "round.css").read_text(encoding="utf-8")
    script = (folder / "round.js").read_text(encoding="utf-8")
    csp = "; ".join(
        (
            "default-src 'none'",
            f"script-src {_hash(script)}",
            f"style-src {_hash(style)}",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )
    template = Template((folder / "round.html").read_text(encoding="utf-8"))
    return PageParts(template, style, script, csp)


def _json_in_html(value: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> block (no '</script>', no '<!--')."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def phone_words(language: str, scales: int) -> dict[str, str]:
    """The page's words in ``language``, the anonymous introduction with its number of scales filled in."""
    strings = section("phone", language)
    strings["intro_anonymous"] = word("phone.intro_anonymous", language, n=scales)
    return strings


def render(round_: PhoneRound) -> bytes:
    """The page for ``round_`` as it stands (in open mode the names still free)."""
    page = parts()
    strings = phone_words(round_.language, len(round_.scales))
    where = word("phone.where", round_.language, organisation=round_.organisation, round=round_.round)
    data = {
        "base": f"/r/{round_.token}/",
        "open": round_.open_mode,
        "choices": [{"key": c.key, "name": c.name} for c in round_.choices()],
        "low": round_.guide.scale_low,
        "high": round_.guide.scale_high,
        "strings": strings,
    }
    html = page.template.substitute(
        lang=round_.language,
        title=escape(strings["title"]),
        where=escape(where),
        noscript=escape(strings["noscript"]),
        style=page.style,
        script=page.script,
        data=_json_in_html(data),
    )
    return html.encode("utf-8")
