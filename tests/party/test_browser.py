"""A whole party in a real browser: the terminal app runs under Pilot (its web server on the
app's own loop) while headless Chromium pages join, answer every kind of question, see
the reveal and finish on the podium. Debian's chromium, driven by Playwright for Python.

Without a browser these tests skip, saying why; under ``CI=true`` a missing browser is
a failure, because CI installs it (``.ci/run``).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from quiz.bank import ListBank
from quiz.game import Phase
from quiz.party.options import PartyOptions
from quiz.question import Question
from quiz.ui.app import QuizApp
from quiz.ui.screens.party import PartyScreen
from tests.doubles import FakeClock, fixed_now

CHROMIUM = os.environ.get("WDTA_CHROMIUM", "/usr/bin/chromium")
# What the machine's notes say Chromium needs here: no sandbox as root, and no calls
# home that a closed network refuses many at a time.
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHOTS = Path(os.environ.get("WDTA_SHOTS", "/tmp/wdta-party-shots"))


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or ``None``."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:  # pragma: no cover - playwright is in the test extras
        return "playwright is not installed"
    return None


def needs_browser() -> None:
    reason = browser_missing()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the browser tests: {reason}")
    pytest.skip(reason)


def kinds() -> list[Question]:
    """One question of each kind a phone answers."""
    base = dict(pack="test", difficulty="easy", explanation="Because.", kind="hand")
    return [
        Question(id="t:1", category="Song facts", prompt="Who sings with Puth?",
                 options=("Selena Gomez", "Dua Lipa", "Halsey", "Sia"), answer=0, fact="1",
                 **base),  # type: ignore[arg-type]
        Question(id="t:2", category="Charts", prompt="Peak position in the UK?", options=(),
                 answer=0, fact="2", type="number", number=3, low=1, high=100,
                 **base),  # type: ignore[arg-type]
        Question(id="t:3", category="Video", prompt="Which city?", options=(), answer=0,
                 fact="3", type="text", text="Los Angeles", accept=("LA",),
                 **base),  # type: ignore[arg-type]
        Question(id="t:4", category="Release", prompt="Oldest first", answer=0, fact="4",
                 options=("Release", "Teaser", "Video"), type="order", order=(1, 0, 2),
                 **base),  # type: ignore[arg-type]
        Question(id="t:5", category="Song facts", prompt="It is a duet.", answer=0, fact="5",
                 options=("True", "False"), type="truefalse", **base),  # type: ignore[arg-type]
    ]


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    needs_browser()
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        await launched.close()


async def until(pilot, check, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def phone(browser, url: str, name: str, frames: list[tuple[str, dict]]):
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await context.new_page()

    def watch(ws) -> None:
        ws.on("framereceived", lambda payload: frames.append((name, json.loads(payload))))

    page.on("websocket", watch)
    await page.goto(url)
    await page.fill("#name", name)
    await page.click("#join-form button")
    await page.wait_for_selector("#lobby.shown")
    return page


async def answer_on(page, kind: str, right: bool) -> None:
    await page.wait_for_selector("#question.shown")
    if kind in ("choice", "truefalse"):
        await page.locator(".option").nth(0 if right else 1).click()
    elif kind == "number":
        await page.fill("#q-input", "3" if right else "90")
        await page.click("#q-typed button")
    elif kind == "text":
        await page.fill("#q-input", "los angeles!" if right else "Paris")
        await page.click("#q-typed button")
    else:
        for index in ((1, 0, 2) if right else (2, 1, 0)):
            await page.locator(".order-item").nth(index).click()
        await page.click("#q-order-send")


async def test_three_phones_play_a_party_from_lobby_to_podium(browser):
    app = QuizApp(ListBank(kinds()), clock=FakeClock(), now=fixed_now, new_seed=lambda: 3,
                  party=PartyOptions(address="127.0.0.1", questions=5, timer=None))
    frames: list[tuple[str, dict]] = []
    SHOTS.mkdir(parents=True, exist_ok=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PartyScreen) and app.screen.server)
        screen: PartyScreen = app.screen  # type: ignore[assignment]
        await until(pilot, lambda: screen.server.port != 0)
        url = screen.server.url
        pages = [await phone(browser, url, name, frames) for name in ("Ana", "Ben", "Cy")]
        await pages[0].screenshot(path=str(SHOTS / "phone-lobby.png"))
        await pilot.press("s")
        host = screen.host
        for step in range(5):
            await until(pilot, lambda n=step: host.phase is Phase.QUESTION
                        and host.session.game.step == n)  # fmt: skip
            kind = host.session.game.questions[step].type
            await pages[0].wait_for_selector("#question.shown")
            await pages[0].screenshot(path=str(SHOTS / f"phone-question-{kind}.png"))
            await asyncio.gather(*(answer_on(p, kind, right=n != 1) for n, p in enumerate(pages)))
            if step == 0:
                await pages[0].wait_for_selector("#reveal.shown")
            await until(pilot, lambda: host.phase is Phase.REVEAL)
            for page in pages:
                await page.wait_for_selector("#reveal.shown")
            if step in (0, 3):
                await pages[0].screenshot(path=str(SHOTS / f"phone-reveal-{kind}.png"))
            await pilot.press("enter")  # standings (after the last: the final standings)
            if step < 4:
                await until(pilot, lambda: host.phase is Phase.STANDINGS)
                await pilot.press("enter")
        await until(pilot, lambda: host.stage == "ended")
        for page in pages:
            await page.wait_for_selector("#final.shown")
        assert await pages[0].inner_text("#f-place") == "You finished 1st"
        assert "1st" not in await pages[1].inner_text("#f-place")
        assert await pages[1].inner_text("#f-players") == "out of 3 players"
        await pages[1].screenshot(path=str(SHOTS / "phone-final.png"))
        assert not host.podium and not screen.query("#party-podium")  # the final standings
        await pilot.press("enter")
        await until(pilot, lambda: bool(screen.query("#party-podium")))
        assert host.saved is not None and host.saved.ok
        assert [r.player for r in host.saved.record.results] == ["Ana", "Ben", "Cy"]
    # Nothing a phone received before a question's reveal held its answer.
    for _, message in frames:
        if message.get("type") in ("question", "welcome"):
            text = json.dumps(message)
            assert "Because." not in text and '"answer"' not in text and "Los Angeles" not in text


async def test_a_phone_that_reloads_rejoins_with_its_score(browser):
    app = QuizApp(ListBank(kinds()), clock=FakeClock(), now=fixed_now, new_seed=lambda: 3,
                  party=PartyOptions(address="127.0.0.1", questions=5, timer=None))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PartyScreen) and app.screen.server)
        screen: PartyScreen = app.screen  # type: ignore[assignment]
        await until(pilot, lambda: screen.server.port != 0)
        frames: list[tuple[str, dict]] = []
        ana = await phone(browser, screen.server.url, "Ana", frames)
        ben = await phone(browser, screen.server.url, "Ben", frames)
        await pilot.press("s")
        await answer_on(ana, "choice", right=True)
        await ana.wait_for_selector("#locked.shown")
        await ana.reload()  # the screen locked, the browser reloaded the page
        await ana.wait_for_selector("#locked.shown")
        assert len(screen.host.room) == 2
        await answer_on(ben, "choice", right=True)
        await ana.wait_for_selector("#reveal.shown")
        assert (await ana.inner_text("#r-verdict")) == "Right!"


async def test_reload_in_a_reveal_kick_for_good_a_taken_name_and_a_clean_console(browser):
    app = QuizApp(ListBank(kinds()), clock=FakeClock(), now=fixed_now, new_seed=lambda: 3,
                  party=PartyOptions(address="127.0.0.1", questions=5, timer=None))
    SHOTS.mkdir(parents=True, exist_ok=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PartyScreen) and app.screen.server)
        screen: PartyScreen = app.screen  # type: ignore[assignment]
        await until(pilot, lambda: screen.server.port != 0)
        url, host = screen.server.url, screen.host
        frames: list[tuple[str, dict]] = []
        problems: list[str] = []
        ana = await phone(browser, url, "Ana", frames)
        ana.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        ana.on("response", lambda r: problems.append(r.url) if r.status >= 400 else None)
        ben = await phone(browser, url, "Ben", frames)
        # A taken name: the phone is asked for another one.
        bo = await (await browser.new_context(viewport={"width": 390, "height": 844})).new_page()
        await bo.goto(url)
        await bo.fill("#name", "ana")
        await bo.click("#join-form button")
        await bo.wait_for_function("document.getElementById('error').textContent !== ''")
        assert await bo.inner_text("#error") == "'ana' is taken: pick another name"
        assert await bo.is_visible("#join")
        await bo.fill("#name", "Bo")
        await bo.click("#join-form button")
        await bo.wait_for_selector("#lobby.shown")
        assert await bo.inner_text("#who") == "Bo"
        await pilot.press("s")
        for page in (ana, ben, bo):
            await answer_on(page, "choice", right=page is not ben)
        await ana.wait_for_selector("#reveal.shown")
        # Reloading during the reveal: the reveal again, with the header.
        await ana.reload()
        await ana.wait_for_selector("#reveal.shown")
        assert await ana.inner_text("#r-verdict") == "Right!"
        assert await ana.inner_text("#who") == "Ana"
        score = host.session.game.players[0].score
        assert await ana.inner_text("#score") == f"{score:,} pts · 1st"  # as the big screen
        assert score >= 1000  # so the comma is there to see
        await ana.screenshot(path=str(SHOTS / "phone-reload-reveal.png"))
        # Removed: said plainly, no way back from this browser, a reload included.
        await pilot.press("k", "3", "enter")
        await bo.wait_for_selector("#gone.shown")
        assert await bo.inner_text("#g-text") == "The host removed you from this party"
        assert not await bo.is_visible("#g-retry")
        await bo.reload()
        await bo.wait_for_selector("#gone.shown")
        assert await bo.inner_text("#g-title") == "Removed" and not await bo.is_visible("#join")
        await bo.screenshot(path=str(SHOTS / "phone-removed.png"))
        assert [p.name for p in host.room.players if not p.kicked] == ["Ana", "Ben"]
        assert sum(host.distribution()) == 2  # the reveal no longer counts Bo
    assert problems == []  # no 404 (the icon), no script error
