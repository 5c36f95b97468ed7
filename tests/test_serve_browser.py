"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright for Python against
`eventlens serve` on a free loopback port. Screenshots go to tests/artifacts/ (not tracked).

`make test` installs Chromium with apt when it is missing; without it these tests skip."""
from __future__ import annotations

import datetime as dt
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM}: `make test` installs it with apt-get (`apt-get install chromium`)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (make setup)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`eventlens serve` over a store of the bundled samples, on a free port; its URL."""
    from eventlens.store import ingest_paths

    db = str(tmp_path_factory.mktemp("browser") / "samples.duckdb")
    ingest_paths([str(ROOT / "samples")], db=db, default_date=dt.date(2025, 3, 1))
    yield from run_serve(db, tmp_path_factory.mktemp("log"))


def run_serve(db: str, log_dir):
    """Run `eventlens serve --db DB` on a free port until the generator is closed; yields its URL."""
    port = _free_port()
    log = open(log_dir / "serve.log", "w+")
    process = subprocess.Popen([sys.executable, "-m", "eventlens.cli", "serve", "--db", db, "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/summary", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.seek(0)
                pytest.fail(f"eventlens serve did not start:\n{log.read()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken Chromium install is the machine's problem, not the dashboard's
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda exc: opened.problems.append(f"page error: {exc}"))
    opened.on("console", lambda msg: opened.problems.append(f"console {msg.type}: {msg.text}")
              if msg.type == "error" else None)
    opened.on("dialog", lambda dialog: (opened.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    # Everything the page loads must come from the server itself.
    opened.on("request", lambda request: opened.problems.append(f"outside request: {request.url}")
              if not request.url.startswith(server) else None)
    opened.goto(server + "/#code")
    yield opened
    context.close()
    assert not opened.problems, opened.problems


def _code(page, text: str, date: str = "2025-01-10") -> None:
    page.fill("#code-text", text)
    page.fill("#code-date", date)
    page.click("#code-run")
    # Locator waits, not wait_for_function: the page's policy forbids the eval that would need.
    sync_api.expect(page.locator("#code-status")).to_contain_text("event", timeout=60_000)


def test_pasted_text_shows_its_sanctions_event(page):
    text = "Japan imposed sanctions on three Russian banks."
    _code(page, text)
    events = page.locator("#code-events li")
    assert events.count() >= 1
    sanctions = events.filter(has_text="163")
    assert sanctions.count() == 1
    card = sanctions.first.inner_text()
    assert "JPN" in card and "RUS" in card and "rule:" in card
    assert page.locator("#code-article").inner_text() == text
    assert page.locator("#code-article .hl-action").first.inner_text() in ("imposed", "imposed sanctions", "sanctions")
    assert "Japan" in page.locator("#code-article .hl-actor").all_inner_texts()
    page.screenshot(path=str(ARTIFACTS / "code.png"), full_page=True)


def test_script_in_an_article_is_shown_as_text_and_never_runs(page):
    text = ('Japan imposed sanctions on three Russian banks. <script>window.__pwned = 1; alert("x")</script> '
            '<img src=x onerror="window.__pwned = 2">')
    _code(page, text)
    assert page.locator("#code-article").inner_text() == text
    assert page.locator("#code-article script, #code-article img, #code-events script").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.screenshot(path=str(ARTIFACTS / "code-script.png"), full_page=True)


def test_dyad_timeline_shows_the_busiest_pair(page, server):
    page.goto(server + "/#timeline")
    page.wait_for_selector("#dyad-charts svg rect")
    assert page.locator("#dyad-charts .panel").count() == 2
    assert page.input_value("#dyad-a") and page.input_value("#dyad-b")
    assert page.locator("#dyad-charts path.goldstein").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)


def test_actor_network_draws_nodes_and_edges(page, server):
    page.goto(server + "/#network")
    page.wait_for_selector("#network-svg .node")
    nodes = page.locator("#network-svg .node").count()
    edges = page.locator("#network-svg path.edge").count()
    assert nodes >= 5 and edges >= 3
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    page.fill("#network-since", "2025-04-01")
    page.click("#network-form button")
    # The status says "loading…" first: wait for a count that is not the old one.
    sync_api.expect(page.locator("#network-status")).to_have_text(re.compile(rf"^(?!{nodes} actors)\d+ actors"))
    assert 0 < page.locator("#network-svg .node").count() < nodes


def test_map_draws_countries_and_events(page, server):
    page.goto(server + "/#map")
    page.wait_for_selector("#map-svg circle.point")
    assert page.locator("#map-svg path.country").count() > 100
    assert page.locator("#map-svg circle.point").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)


def test_events_table_links_each_event_to_its_sentence(page, server):
    page.goto(server + "/#events")
    page.wait_for_selector("#events-table tbody tr")
    first = page.locator("#events-table tbody tr").first
    sentence = first.locator("td.sentence a").inner_text()
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)
    first.locator("td.sentence a").click()
    page.wait_for_selector("#article-text .focus")
    focused = "".join(page.locator("#article-text .focus").all_inner_texts())
    assert focused == sentence
    assert page.locator("#article-events li.in-focus").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    page.goto(server + "/#events")
    total = page.locator("#ev-status").inner_text()
    page.fill("#ev-source", "FRA")
    page.click("#events-form button")
    sync_api.expect(page.locator("#ev-status")).to_have_text(re.compile(rf"^(?!{re.escape(total)}$)1–\d+ of \d+$"))
    sources = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert sources and all(code.startswith("FRA") for code in sources)
