"""The web interface end to end in headless Chromium (Debian's /usr/bin/chromium, driven
by Playwright): annotate the sample, follow an event to its evidence, render hostile
text inertly, browse the corpus offline. Screenshots go to a temporary folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

from marsad.samples import sample_document
from server_support import (XSS, XSS_ARTICLE, StubPipeline, free_port, sample_record,
                            threaded_server, wait_up)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
expect = sync_api.expect
expect.set_options(timeout=30_000)  # a loaded CI machine
CHROMIUM = os.environ.get("MARSAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed", allow_module_level=True)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(tempfile.mkdtemp(prefix="marsad-screens-"))


@pytest.fixture(scope="module")
def real_server(server_store):
    """`marsad serve` as a user runs it: the real pipeline and a store."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(server_store), "--port", str(port),
                                "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base, 120, process)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def stub_server(server_store):
    """Hand-made records on the sample article (rich whatever the stages do today)."""
    from marsad.server import create_app

    with threaded_server(create_app(server_store, pipeline=StubPipeline())) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page that records script errors, dialogs and every request it makes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ar")
    p = context.new_page()
    p.problems, p.requests = [], []
    p.on("pageerror", lambda e: p.problems.append(f"pageerror: {e}"))
    p.on("console", lambda m: m.type == "error" and p.problems.append(f"console: {m.text}"))
    p.on("dialog", lambda d: (p.problems.append(f"dialog: {d.message}"), d.dismiss()))
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    context.close()


def shot(page, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def analyze(page, base: str, text: str | None = None, date: str = "") -> None:
    page.goto(f"{base}/")
    if text is None:
        page.click("#sample")
        expect(page.locator("#article-text")).not_to_have_value("")
    else:
        page.fill("#article-text", text)
        page.fill("#article-date", date)
    page.click("#analyze")  # disables the button until the answer is shown
    expect(page.locator("#analyze")).to_be_enabled()
    status = page.locator("#status")
    assert "error" not in (status.get_attribute("class") or ""), status.text_content()
    assert page.locator("#result").is_visible()


def test_sample_with_the_real_pipeline(page, real_server):
    analyze(page, real_server)
    doc = sample_document()
    assert page.input_value("#article-text") == doc["text"]
    assert page.input_value("#article-date") == doc["date"]
    record = httpx.post(f"{real_server}/api/extract", json={"text": doc["text"], "date": doc["date"]}).json()
    # every annotation of the record is drawn, and not one character of the text is lost or added
    assert page.text_content("#annotated") == doc["text"]
    mentions = sum(len(e["mentions"]) for e in record["entities"])
    assert page.locator("#annotated .ent").count() >= mentions  # a mention crossing a sentence is cut in two
    assert page.locator("#annotated .timex").count() >= len(record["times"])
    assert page.locator("#events li.event").count() == len(record["events"])
    if not record["events"]:
        assert page.locator("#events li.empty").count() == 1
    assert "Error" not in page.text_content("#status")
    assert not page.problems
    shot(page, "analyze-real")


def test_highlights_and_evidence(page, stub_server):
    analyze(page, stub_server)
    text = sample_document()["text"]
    assert page.text_content("#annotated") == text
    shoukry = page.locator('#annotated .ent-PER[data-entity="E1"]')
    assert shoukry.all_text_contents() == ["وزير الخارجية المصري", "سامح شكري", "شكري"]
    assert page.locator('#annotated .ent-GPE[data-entity="E3"]').all_text_contents() == ["عمّان", "عمّان"]
    assert page.locator('#annotated .ent-FAC').all_text_contents() == ["جامعة القاهرة"]
    assert page.locator("#annotated .timex").evaluate_all("ns => ns.map(n => n.dataset.value)") == \
        ["2016-11-21", "2016-11-20"]
    quotes = page.locator("#annotated .quote[data-speaker]")
    assert quotes.evaluate_all("ns => ns.map(n => n.dataset.speaker)") == ["سامح شكري", "سامح شكري"]
    assert page.locator("#quotes li").count() == 2

    events = page.locator("#events li.event")
    assert events.count() == 4
    first = events.nth(0).text_content()
    for part in ("CONSULT", "سامح شكري", "ناصر جودة", "2016-11-21", "عمّان", "asserted"):
        assert part in first
    assert "reported" in events.nth(1).text_content()

    record = sample_record()
    for i, ev in enumerate(record.events):
        events.nth(i).locator(".evidence-link").click()
        sentence = text[ev.sentence.start:ev.sentence.end]
        assert "".join(page.locator("#annotated .sent.hl").all_text_contents()) == sentence
        assert page.locator("#annotated .trigger.hl").all_text_contents() == [ev.trigger.text]
        assert "selected" in events.nth(i).get_attribute("class")
    events.nth(0).locator(".evidence-link").click()
    assert set(page.locator("#annotated .ent.hl").evaluate_all("ns => ns.map(n => n.dataset.entity)")) == {"E1", "E2"}
    page.locator('#entities li[data-entity="E3"]').press("Enter")  # lists work from the keyboard too
    assert page.locator("#annotated .hl").all_text_contents() == ["عمّان", "عمّان"]
    assert not page.problems
    shot(page, "analyze-evidence")


@pytest.mark.parametrize("server", ["stub_server", "real_server"])
def test_hostile_article_is_shown_not_run(page, request, server):
    base = request.getfixturevalue(server)
    analyze(page, base, XSS_ARTICLE, "2017-03-10")
    page.wait_for_timeout(300)  # give an injected handler time to fire
    assert page.evaluate("window.__xss") is None
    assert page.locator("#result img, #result script, #annotated [onerror]").count() == 0
    assert page.text_content("#annotated") == XSS_ARTICLE
    if server == "stub_server":  # markup in every field: names, quote speaker, event actors, date
        assert page.locator('#annotated .ent[data-entity="E1"]').text_content() == XSS
        assert XSS in page.text_content("#events") and XSS in page.text_content("#entities")
        assert XSS in page.text_content("#quotes") and XSS in page.text_content("#times")
        page.locator("#events .evidence-link").first.click()
        page.locator("#entities li").first.click()
    assert page.evaluate("window.__xss") is None
    assert not page.problems
    shot(page, f"xss-{server}")


def test_corpus_view_offline(page, stub_server):
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(stub_server)
               else route.abort())
    page.goto(f"{stub_server}/corpus")
    rows = page.locator("#events-table tbody tr")
    rows.first.wait_for()
    assert rows.count() == 16
    assert "16" in page.text_content("#page-info")
    page.wait_for_selector("#timeline .main-svg")
    page.wait_for_selector("#pairs .main-svg")
    assert page.locator("#timeline .trace.bars").count() == 4  # one trace per event type
    assert "EGY → JOR" in page.text_content("#pairs")

    page.select_option("#f-type", "ASSAULT")
    page.click("#filters button[type=submit]")
    expect(rows).to_have_count(4)
    assert set(page.locator("#events-table tbody td:nth-child(2) .code").all_text_contents()) == {"ASSAULT"}

    page.select_option("#f-type", "")
    page.click("#filters button[type=submit]")
    expect(rows).to_have_count(16)
    page.click('th[data-sort="goldstein"]')  # descending first
    expect(page.locator('th[data-sort="goldstein"]')).to_have_attribute("aria-sort", "descending")
    assert page.locator("#events-table tbody tr").first.locator("td").nth(5).text_content() == "1"

    page.fill("#q-speaker", "شكري")
    page.click("#quote-search button")
    page.wait_for_selector("#quote-results li")
    assert page.locator("#quote-results li").count() == 8
    assert not page.problems
    assert all(url.startswith(stub_server) for url in page.requests)
    shot(page, "corpus")

    page.locator("#events-table tbody a").first.click()  # a stored document, with its stored record
    page.wait_for_selector("#result:not([hidden])")
    assert page.text_content("#annotated") == sample_document()["text"]
    assert page.locator("#events li.event").count() == 4


def test_api_docs_offline(page, stub_server):
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(stub_server)
               else route.abort())
    page.goto(f"{stub_server}/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() >= 6
    assert all(url.startswith(stub_server) for url in page.requests)
