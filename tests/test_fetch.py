"""`parley fetch`: polite downloading, tested against a web server on localhost only."""

import http.server
import subprocess
import sys
import threading

import pytest

from parley.read import fetch

PAGE = (b"<html><head><title>Envoys meet in Geneva</title></head><body><article><h1>Envoys meet in Geneva</h1>"
        b"<p>Ukraine's Foreign Minister Dmytro Kuleba met mediators in Geneva on Monday, officials said, and both "
        b"sides agreed to exchange 200 prisoners before the next round of talks.</p></article></body></html>")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class _Site(http.server.BaseHTTPRequestHandler):
    requests: list  # (path, user agent), in order

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.requests.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/robots.txt":
            self._send(200, "text/plain", ROBOTS)
        elif self.path.startswith(("/news/", "/private/")):
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4")
        else:
            self._send(404, "text/html", b"<p>not found</p>")

    def _send(self, status, kind, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # the test's output stays quiet
        pass


@pytest.fixture
def site():
    handler = type("Site", (_Site,), {"requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler.requests
    server.shutdown()
    server.server_close()


def _urls(tmp_path, lines):
    path = tmp_path / "urls.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_pages_are_saved_robots_txt_is_obeyed_and_bad_urls_named(site, tmp_path):
    base, requests = site
    urls = _urls(tmp_path, ["# talks in Geneva", f"{base}/news/geneva-talks", "", f"{base}/private/memo",
                            f"{base}/missing", f"{base}/report.pdf", "ftp://example.org/file", f"{base}/news/geneva-talks"])
    folder = tmp_path / "pages"
    said = []
    summary = fetch.fetch_all(urls, folder, delay=0, say=said.append)

    saved = folder / fetch.file_name(f"{base}/news/geneva-talks")
    assert [url for url, _ in summary.fetched] == [f"{base}/news/geneva-talks"]
    assert saved.read_bytes() == PAGE and saved.suffix == ".html"
    assert sorted(p.name for p in folder.iterdir()) == [saved.name]  # nothing else, no temporary file left
    reasons = dict(summary.failed)
    assert "robots.txt" in reasons[f"{base}/private/memo"]
    assert "404" in reasons[f"{base}/missing"]
    assert "not an HTML page (application/pdf)" in reasons[f"{base}/report.pdf"]
    assert "not an http" in reasons["ftp://example.org/file"]
    # robots.txt asked once, the forbidden page never; every request names Parley
    paths = [path for path, _ in requests]
    assert paths.count("/robots.txt") == 1 and "/private/memo" not in paths and paths.count("/news/geneva-talks") == 1
    assert all(agent.startswith("Parley/") for _, agent in requests)
    assert any("/private/memo" in line and "robots.txt" in line for line in said)


def test_a_file_already_there_is_never_overwritten(site, tmp_path):
    base, requests = site
    folder = tmp_path / "pages"
    folder.mkdir()
    mine = folder / fetch.file_name(f"{base}/news/a")
    mine.write_bytes(b"my own notes")
    summary = fetch.fetch_all(_urls(tmp_path, [f"{base}/news/a", f"{base}/news/b"]), folder, delay=0, say=lambda _: None)
    assert mine.read_bytes() == b"my own notes"
    assert [url for url, _ in summary.kept] == [f"{base}/news/a"]
    assert [url for url, _ in summary.fetched] == [f"{base}/news/b"]
    assert "/news/a" not in [path for path, _ in requests]


def test_requests_to_one_host_wait_for_the_delay(site, tmp_path):
    base, _ = site
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    fetcher = fetch.Fetcher(delay=5.0, clock=lambda: now[0], sleep=sleep)
    fetch.fetch_all(_urls(tmp_path, [f"{base}/news/a", f"{base}/news/b"]), tmp_path / "pages", fetcher=fetcher,
                    say=lambda _: None)
    # robots.txt, then two pages: each request 5 s after the one before on the fake clock
    assert slept == [pytest.approx(5.0), pytest.approx(5.0)]


def test_names_are_stable_and_safe():
    name = fetch.file_name("https://www.example.org/world/2025/03/14/talks?id=7")
    assert name == fetch.file_name("https://www.example.org/world/2025/03/14/talks?id=7")
    assert name != fetch.file_name("https://www.example.org/world/2025/03/14/talks?id=8")
    assert name.startswith("www-example-org_world-2025-03-14-talks-") and name.endswith(".html")
    assert "/" not in fetch.file_name("https://example.org/../../etc/passwd")


def _parley_fetch(*args):
    return subprocess.run([sys.executable, "-m", "parley.cli", "fetch", *args], capture_output=True, text=True)


def test_the_command_says_what_it_did_and_fails_only_when_nothing_was_fetched(site, tmp_path):
    base, _ = site
    folder = tmp_path / "pages"
    some = _parley_fetch(str(_urls(tmp_path, [f"{base}/news/a", f"{base}/missing"])), "--to", str(folder), "--delay", "0")
    assert some.returncode == 0, some.stderr
    assert "fetched 1 of 2 page(s)" in some.stdout and f"{base}/missing: the server answered HTTP 404" in some.stdout
    none = _parley_fetch(str(_urls(tmp_path, [f"{base}/missing"])), "--to", str(folder), "--delay", "0")
    assert none.returncode == 1 and "fetched 0 of 1" in none.stdout
    again = _parley_fetch(str(_urls(tmp_path, [f"{base}/news/a"])), "--to", str(folder), "--delay", "0")
    assert again.returncode == 0 and "already there" in again.stdout + again.stderr
