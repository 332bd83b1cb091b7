"""The phone page: one HTML document with its style and script inline (nothing else is served), in the
session's language, and the Content-Security-Policy that allows exactly that style and that script."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from html import escape
from string import Template
from typing import Any

from lardesk.resources import resources_dir
from lardesk.server.round import PhoneRound


@dataclass(frozen=True, slots=True)
class PageParts:
    template: Template
    style: str
    script: str
    strings: dict[str, dict[str, str]]
    csp: str


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def parts() -> PageParts:
    folder = resources_dir() / "web"
    style = (folder / "round.css").read_text(encoding="utf-8")
    script = (folder / "round.js").read_text(encoding="utf-8")
    strings = json.loads((folder / "strings.json").read_text(encoding="utf-8"))
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
    return PageParts(template, style, script, {k: v for k, v in strings.items() if not k.startswith("_")}, csp)


def _json_in_html(value: Any) -> str:
    """JSON that is safe inside a <script type="application/json"> block (no '</script>', no '<!--')."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render(round_: PhoneRound) -> bytes:
    """The page for ``round_`` as it stands (in open mode the names still free)."""
    page = parts()
    strings = page.strings.get(round_.language, page.strings["sv"])
    where = strings["where"].replace("{organisation}", round_.organisation).replace("{round}", str(round_.round))
    data = {
        "base": f"/r/{round_.token}/",
        "open": round_.open_mode,
        "choices": [{"key": c.key, "name": c.name} for c in round_.choices()],
        "count": len(round_.scales),
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
