"""`parley fetch URLS.txt --to DIR`: save the pages a researcher listed, politely, for `parley run`.

Each URL (one a line; blank lines and `#` comments ignored) is fetched with a user agent
that names Parley, only where the site's robots.txt allows that agent, never sooner
than `delay` seconds after the previous request to the same host (longer where
robots.txt asks for a Crawl-delay), and with a timeout. A page is saved as it came, as
`DIR/<host>_<path>-<hash>.html`: the same URL always gets the same name. A file already
there is never overwritten, whoever wrote it: it is kept and named in the summary. A URL
that fails (refused by robots.txt, an HTTP error, not an HTML page, no answer) is named
with its reason and skipped; the others are fetched.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from parley import __version__

USER_AGENT = f"Parley/{__version__} (research tool saving news pages a researcher listed; honours robots.txt)"
ROBOTS_AGENT = "Parley"  # the name a robots.txt addresses Parley by
DEFAULT_DELAY = 2.0  # seconds between two requests to one host
DEFAULT_TIMEOUT = 20.0
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NAME_CHARS = 80


@dataclass
class FetchSummary:
    fetched: list[tuple[str, Path]] = field(default_factory=list)  # (url, file)
    kept: list[tuple[str, Path]] = field(default_factory=list)  # already there: not fetched again
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url or line, reason)

    def lines(self, folder: str) -> list[str]:
        total = len(self.fetched) + len(self.kept) + len(self.failed)
        said = [f"fetched {len(self.fetched)} of {total} page(s) into {folder}"
                + (f"; {len(self.kept)} already there, kept as they were" if self.kept else "")
                + (f"; {len(self.failed)} failed:" if self.failed else ".")]
        said += [f"  {url}: {reason}" for url, reason in self.failed]
        return said


def file_name(url: str) -> str:
    """A stable, safe file name for `url`: its host and path, and a hash of the whole URL
    (two URLs that differ only in their query get two files)."""
    parts = urlsplit(url)
    host, path = (re.sub(r"[^A-Za-z0-9]+", "-", part).strip("-") for part in (parts.hostname or "", parts.path))
    slug = "_".join(p for p in (host, path) if p)[:_NAME_CHARS].strip("-_") or "page"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:10]}.html"


def read_urls(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """(URLs to fetch in order, without repeats; (line, reason) of each line that is not one)."""
    urls, bad = [], []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            bad.append((line, "not an http:// or https:// address"))
        elif line not in urls:
            urls.append(line)
    return urls, bad


class Fetcher:
    """One polite client: robots.txt read once per host, a delay kept per host.
    `clock` and `sleep` are time.monotonic and time.sleep, replaceable in tests."""

    def __init__(self, delay: float = DEFAULT_DELAY, timeout: float = DEFAULT_TIMEOUT, clock=time.monotonic,
                 sleep=time.sleep):
        import httpx

        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True)
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def _get(self, url: str):
        host = urlsplit(url).netloc
        wait = self._delay_for(host)
        last = self._last.get(host)
        if last is not None and self.clock() - last < wait:
            self.sleep(wait - (self.clock() - last))
        try:
            return self.client.get(url)
        finally:
            self._last[host] = self.clock()

    def _delay_for(self, host: str) -> float:
        robots = self._robots.get(host)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        return max(self.delay, float(crawl_delay or 0))

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in self._robots:
            robots = urllib.robotparser.RobotFileParser()
            try:
                response = self._get(f"{parts.scheme}://{parts.netloc}/robots.txt")
            except Exception:  # noqa: BLE001 - no robots.txt to be had: the page's own request will say why
                robots.allow_all = True
            else:
                if response.status_code in (401, 403):  # as urllib.robotparser reads these
                    robots.disallow_all = True
                elif response.status_code >= 400:
                    robots.allow_all = True
                else:
                    robots.parse(response.text.splitlines())
            self._robots[parts.netloc] = robots
        return self._robots[parts.netloc].can_fetch(ROBOTS_AGENT, url)

    def fetch(self, url: str) -> bytes:
        """The page's bytes; ValueError with the reason when it cannot or may not be had."""
        import httpx

        if not self.allowed(url):
            raise ValueError("the site's robots.txt does not allow Parley to fetch it")
        try:
            response = self._get(url)
        except httpx.TimeoutException as err:
            raise ValueError(f"no answer in time ({type(err).__name__})") from err
        except Exception as err:  # noqa: BLE001 - refused connections, bad addresses, broken TLS: named and skipped
            raise ValueError(f"could not be fetched ({type(err).__name__}: {str(err)[:120] or 'no message'})") from err
        if response.status_code != 200:
            raise ValueError(f"the server answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in _HTML_TYPES:
            raise ValueError(f"not an HTML page ({kind})")
        if not response.content.strip():
            raise ValueError("the server sent an empty page")
        return response.content


def fetch_all(urls_file: Path, folder: Path, delay: float = DEFAULT_DELAY, timeout: float = DEFAULT_TIMEOUT,
              say=print, fetcher: Fetcher | None = None) -> FetchSummary:
    """Fetch every URL listed in `urls_file` into `folder` (made if missing)."""
    urls, bad = read_urls(urls_file)
    summary = FetchSummary(failed=list(bad))
    for line, reason in bad:
        say(f"skipping {line}: {reason}")
    folder.mkdir(parents=True, exist_ok=True)
    fetcher = fetcher or Fetcher(delay=delay, timeout=timeout)
    try:
        for index, url in enumerate(urls, start=1):
            target = folder / file_name(url)
            if target.exists() or target.is_symlink():
                summary.kept.append((url, target))
                say(f"[{index}/{len(urls)}] {url}: {target.name} is already there; kept as it is (not fetched)")
                continue
            try:
                data = fetcher.fetch(url)
            except ValueError as err:
                summary.failed.append((url, str(err)))
                say(f"[{index}/{len(urls)}] {url}: skipped, {err}")
                continue
            try:
                saved = _save_new(target, data)
            except OSError as err:
                summary.failed.append((url, f"could not be saved ({err.strerror or err})"))
                say(f"[{index}/{len(urls)}] {url}: skipped, could not be saved ({err.strerror or err})")
                continue
            if saved:
                summary.fetched.append((url, target))
                say(f"[{index}/{len(urls)}] {url} -> {target.name}")
            else:
                summary.kept.append((url, target))
                say(f"[{index}/{len(urls)}] {url}: {target.name} appeared meanwhile; kept as it is")
    finally:
        if fetcher is not None:
            fetcher.close()
    return summary


def _save_new(target: Path, data: bytes) -> bool:
    """Write `target` whole, only if no file of that name exists; False if one does.
    (Linking a finished temporary file fails where the name is taken, unlike a rename.)"""
    from parley.publish.output_folder import file_mode

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        return True
    finally:
        Path(tmp).unlink(missing_ok=True)
