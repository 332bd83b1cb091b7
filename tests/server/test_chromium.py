"""The phone page in a real browser: Debian's Chromium, headless, as a 360×740 phone, on loopback. It loads
the page (the script and the style run under the page's own Content-Security-Policy), taps Börja, rates
every scale with real clicks and the keyboard, sends, changes its mind and sends again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lardesk.method.snapshot import Anonymity
from lardesk.method.words import word
from lardesk.services import Services
from tests.server.chromium import Chromium, chromium_binary
from tests.server.conftest import StartRound
from tests.server.phones import make_session, stored

BINARY = chromium_binary()
pytestmark = pytest.mark.skipif(BINARY is None, reason="no Chromium (Debian: apt-get install chromium)")
SCREENSHOTS = os.environ.get("LARDESK_SCREENSHOTS")
LOWEST_CONTRAST = """(() => {
  // WCAG 2 contrast of every element that shows text, against the first opaque background behind it
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) { return c.slice(0, 3); }
    }
    return [255, 255, 255];
  };
  let lowest = [99, ""];
  for (const element of document.querySelectorAll("body *")) {
    const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const box = element.getBoundingClientRect();
    if (!own || box.width === 0 || element.closest("[hidden], .sr")) { continue; }
    const [a, b] = [lum(rgb(getComputedStyle(element).color).slice(0, 3)), lum(background(element))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < lowest[0]) { lowest = [ratio, element.tagName + " " + element.textContent.slice(0, 30)]; }
  }
  return lowest;
})()"""
"""The lowest text contrast on the page, and where."""
"""A folder to keep the screenshots in, to look at them (they always go to the test's own folder too)."""


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Chromium]:
    assert BINARY is not None
    made = Chromium(BINARY, tmp_path / "profile")
    yield made
    made.close()


def shot(browser: Chromium, tmp_path: Path, name: str, full_page: bool = False) -> Path:
    path = browser.screenshot(tmp_path / name, full_page)
    if SCREENSHOTS:
        browser.screenshot(Path(SCREENSHOTS) / name, full_page)
    return path


def test_a_phone_rates_and_sends(services: Services, open_round: StartRound, browser: Chromium, tmp_path: Path) -> None:
    sid = make_session(services, 3, parts=(1, 5, 7))
    server = open_round(sid)
    browser.open(server.address.url)
    # the script ran (the policy allowed it): the start is shown, in Swedish
    browser.wait_for("!document.getElementById('start').hidden")
    assert browser.evaluate("document.documentElement.lang") == "sv"
    assert browser.evaluate("document.getElementById('begin').textContent") == "Börja"
    intro = browser.evaluate("document.getElementById('intro').textContent")
    assert intro == word("phone.intro_anonymous", "sv", n=4) and intro.startswith("Du bedömer 4 skalor från 1 till 10.")
    assert browser.evaluate("innerWidth") == 360
    assert shot(browser, tmp_path, "phone-start.png").stat().st_size > 5000

    browser.tap("#begin")
    browser.wait_for("!document.getElementById('answer').hidden")
    assert browser.evaluate("document.querySelectorAll('fieldset.scale').length") == 4
    # nothing wider than the phone; every value a large touch target (WCAG 2.5.5: 44×44 CSS px)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 360
    sizes = browser.evaluate(
        "[...document.querySelectorAll('.choice label')].map(l => [l.offsetWidth, l.offsetHeight])"
    )
    assert len(sizes) == 4 * 11 and min(w for w, _ in sizes) >= 44 and min(h for _, h in sizes) >= 44
    # every radio button has its label and every group its legend and question (screen readers)
    assert browser.evaluate(
        "[...document.querySelectorAll('input[type=radio]')].every(i => i.labels.length === 1"
        " && i.labels[0].textContent.trim().length > 0)"
    )
    assert browser.evaluate(
        "[...document.querySelectorAll('fieldset.scale')].every(f => f.querySelector('legend')"
        " && document.getElementById(f.getAttribute('aria-describedby')))"
    )

    # sending with scales left: it says which, and nothing is sent
    browser.tap("label[for=s1-7]")
    browser.tap("#send")
    browser.wait_for("document.getElementById('status').textContent.includes('Saknas: 5, 7, 9')")
    assert stored(services, sid) == []

    browser.tap("label[for=s5-10]")
    browser.tap("label[for=s7-abstain]")
    # the keyboard: Tab to scale 9's first value, the arrow keys to 3, as a keyboard user would
    browser.evaluate("document.getElementById('s7-abstain').focus()")
    browser.key("Tab", "Tab", 9)
    assert browser.evaluate("document.activeElement.name") == "s9"
    browser.key(" ", "Space", 32)
    browser.key("ArrowRight", "ArrowRight", 39)
    browser.key("ArrowRight", "ArrowRight", 39)
    assert browser.evaluate("document.activeElement.id") == "s9-3"
    outline = browser.evaluate("getComputedStyle(document.activeElement.labels[0]).outlineStyle")
    assert outline != "none"  # the focused value is outlined
    shot(browser, tmp_path, "phone-form.png")
    browser.tap("#send")
    browser.wait_for("document.getElementById('status').className === 'done'")
    assert browser.evaluate("document.getElementById('status').textContent").startswith("Tack!")
    person = {row[0] for row in stored(services, sid)}
    assert len(person) == 1
    assert [row[1:] for row in stored(services, sid)] == [(1, 1, 7), (5, 1, 10), (7, 1, None), (9, 1, 3)]

    # a change of mind replaces the answer; a reload keeps the seat and the choices
    browser.call("Page.reload")
    browser.wait_for("document.readyState === 'complete' && !document.getElementById('answer').hidden")
    assert browser.evaluate("document.getElementById('s5-10').checked")
    assert browser.evaluate("document.getElementById('send').textContent") == "Skicka ändringen"
    browser.tap("label[for=s5-4]")
    browser.tap("#send")
    browser.wait_for("document.getElementById('status').className === 'done'")
    assert [row[1:] for row in stored(services, sid)] == [(1, 1, 7), (5, 1, 4), (7, 1, None), (9, 1, 3)]
    assert server.round.answered == 1 and server.round.seated == 1
    shot(browser, tmp_path, "phone-sent.png", full_page=True)
    # contrast of all text (values, chosen values, the status, the button), light and dark: at least 4.5:1
    ratio, where = browser.evaluate(LOWEST_CONTRAST)
    assert ratio >= 4.5, where
    browser.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    assert browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    ratio, where = browser.evaluate(LOWEST_CONTRAST)
    assert ratio >= 4.5, where
    shot(browser, tmp_path, "phone-dark.png")
    assert [line for line in browser.console if "Content Security Policy" in line or "exception" in line] == []


def test_open_mode_in_english_and_a_closed_round(
    services: Services, open_round: StartRound, browser: Chromium, tmp_path: Path
) -> None:
    sid = make_session(services, 2, Anonymity.OPEN, parts=(9,), language="en")
    people = services.sessions.snapshot(sid).participants
    server = open_round(sid)
    browser.open(server.address.url)
    browser.wait_for("!document.getElementById('start').hidden")
    assert browser.evaluate("document.title") == "Personal assessment"
    assert browser.evaluate("document.getElementById('intro').textContent") == word("phone.intro_open", "en")
    browser.tap("#begin")  # no name chosen yet
    browser.wait_for("document.getElementById('status').textContent === 'Choose your name first.'")
    browser.tap("label[for=who-1]")
    browser.tap("#begin")
    browser.wait_for("!document.getElementById('answer').hidden")
    name = f"{people[1].name} ({people[1].role})"
    assert browser.evaluate("document.getElementById('as').textContent") == f"You are answering as {name}."
    browser.tap("label[for=s9-8]")
    shot(browser, tmp_path, "phone-open-en.png", full_page=True)
    server.stop()  # the facilitator ends the round before this phone sends
    browser.tap("#send")
    browser.wait_for("document.getElementById('status').className === 'problem'")
    assert "No contact" in browser.evaluate("document.getElementById('status').textContent")
    assert stored(services, sid) == []
    assert people[1].id not in {row[0] for row in stored(services, sid)}
