"""Opening a report in headless Chromium, as a reader would, to check that it works.

Used by the tests: every figure on the page loads, every link resolves, and no
script runs (an article containing `<script>` must show it as text). Chromium is
Debian's package (`/usr/bin/chromium`), driven through Playwright; Playwright's own
browser download is never used. `python -m parley.publish.browser --ensure` installs
Chromium with apt-get where it is missing and the user may do so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without these, Chromium keeps trying to reach Google's services from a machine that can't.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    explicit = os.environ.get("PARLEY_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


@dataclass
class PageCheck:
    url: str
    images: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    scripts_in_text: int = 0

    @property
    def ok(self) -> bool:
        return not (self.broken_images or self.broken_links or self.dialogs)


@contextmanager
def chromium(width: int = 1280, height: int = 900):
    """A headless Chromium browser context (Debian's Chromium) with a window of `width` x `height`."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise RuntimeError("Chromium is not installed: run `python -m parley.publish.browser --ensure` (Debian package chromium).")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height},
        )
        try:
            yield context
        finally:
            context.close()


def check_page(page_path: str | Path, follow_links: bool = True) -> PageCheck:
    """Load a local HTML page headless; report images that did not load, local links that
    point nowhere, and any dialog a script opened (which would mean a script ran)."""
    from playwright.sync_api import sync_playwright

    page_path = Path(page_path).resolve()
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("Chromium is not installed: run `python -m parley.publish.browser --ensure` (Debian package chromium).")
    result = PageCheck(page_path.as_uri())
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.on("dialog", lambda dialog: (result.dialogs.append(dialog.message), dialog.dismiss()))
            _visit(page, result.url, result)
            result.images = page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('src'))")
            result.broken_images = page.eval_on_selector_all(
                "img", "els => els.filter(e => !(e.complete && e.naturalWidth > 0)).map(e => e.getAttribute('src'))"
            )
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            result.links = sorted(set(hrefs))
            result.broken_links = [h for h in result.links if not _resolves(h, page_path)]
            if follow_links:
                for href in result.links:
                    if href.startswith("file:") and href.endswith(".html") and href not in result.broken_links:
                        _visit(page, href, result)
        finally:
            browser.close()
    return result


def _visit(page, url: str, result: PageCheck) -> None:
    page.goto(url, wait_until="load")
    result.scripts_in_text += page.evaluate("document.body ? document.body.innerText.split('<script').length - 1 : 0")


def _resolves(href: str, page_path: Path) -> bool:
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https", "mailto"):
        return True  # outside links are not ours to check offline
    if parsed.scheme == "file":
        target = Path(unquote(parsed.path))
        return target.exists()
    return (page_path.parent / unquote(parsed.path)).exists()


def ensure() -> int:
    """Install Debian's chromium where it is missing (root and apt-get needed)."""
    if find_chromium():
        return 0
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installing Chromium (Debian package chromium) for the browser test ...", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        if done.returncode == 0 and find_chromium():
            return 0
    print(
        "Chromium is not installed and could not be installed here; the browser test needs it. "
        "Install the Debian package `chromium` (or set PARLEY_CHROMIUM to a Chromium binary).",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    if "--ensure" in sys.argv:
        sys.exit(ensure())
    for arg in sys.argv[1:]:
        check = check_page(arg)
        print(check)
        sys.exit(0 if check.ok else 1)
