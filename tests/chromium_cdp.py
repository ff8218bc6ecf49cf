"""A small driver for headless Chromium over the Chrome DevTools Protocol, through a pipe
(``--remote-debugging-pipe``: commands on fd 3, answers on fd 4, NUL-separated JSON), so the
browser tests need no extra Python package and no WebDriver.

    with Chromium.launch() as browser:
        page = browser.new_page(1400, 900)
        page.navigate("file:///tmp/x.html")
        page.evaluate("document.title")
        page.screenshot("shot.png")
        page.errors      # uncaught exceptions, console errors, failed loads
        page.requests    # every URL the page asked for

The browser is Debian's ``chromium`` (found on PATH, or installed with apt-get when running as
root, as CI does).
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


class CDPError(RuntimeError):
    pass


def find_chromium(install: bool = True) -> str | None:
    env = os.environ.get("CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-dejavu-core"], check=False,
                       capture_output=True, timeout=900, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        for name in CANDIDATES:
            path = shutil.which(name)
            if path:
                return path
    return None


class Chromium:
    def __init__(self, proc: subprocess.Popen, write_fd: int, read_fd: int, profile: str):
        self.proc, self.wfd, self.rfd, self.profile = proc, write_fd, read_fd, profile
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        self._pages: dict[str, "Page"] = {}

    @classmethod
    def launch(cls, executable: str | None = None, extra_args: tuple[str, ...] = ()) -> "Chromium":
        exe = executable or find_chromium()
        if not exe:
            raise CDPError("no Chromium found (apt-get install chromium)")
        profile = tempfile.mkdtemp(prefix="legalkg-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()
        # move the child's ends out of the way of 3 and 4 before dup2-ing them there
        hi_r = os.dup2(to_chrome_r, 100, inheritable=False)
        hi_w = os.dup2(from_chrome_w, 101, inheritable=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)

        def child_fds() -> None:
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [exe, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                f"--user-data-dir={profile}", *extra_args, "about:blank"]
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                preexec_fn=child_fds, close_fds=False)
        os.close(hi_r)
        os.close(hi_w)
        browser = cls(proc, to_chrome_w, from_chrome_r, profile)
        browser.call("Browser.getVersion", timeout=30)
        return browser

    # -- protocol -------------------------------------------------------------------------
    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            n = os.write(self.wfd, data)
            data = data[n:]
        return self._id

    def _read(self, timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.rfd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.rfd, 1 << 20)
            if not chunk:
                raise CDPError("Chromium closed the pipe (it exited)")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        msg = json.loads(raw)
        if "method" in msg:
            page = self._pages.get(msg.get("sessionId"))
            if page is not None:
                page._on_event(msg)
            self.events.append(msg)
            if len(self.events) > 5000:
                del self.events[:2500]
        return msg

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        mid = self._send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            msg = self._read(max(0.0, deadline - time.monotonic()))
            if msg is None:
                raise CDPError(f"{method}: no answer within {timeout} s")
            if msg.get("id") == mid:
                if "error" in msg:
                    raise CDPError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def pump(self, seconds: float) -> None:
        """Read events for a while."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._read(max(0.0, deadline - time.monotonic()))

    def new_page(self, width: int = 1400, height: int = 900) -> "Page":
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        self._pages[session] = page
        for method in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            page.call(method)
        page.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                         "mobile": False})
        return page

    def close(self) -> None:
        try:
            self._send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for fd in (self.wfd, self.rfd):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    def __init__(self, browser: Chromium, session: str, target: str = ""):
        self.browser, self.session, self.target = browser, session, target
        self.errors: list[str] = []
        self.console: list[str] = []
        self.requests: list[str] = []
        self._seen: list[str] = []

    def _on_event(self, msg: dict) -> None:
        m, p = msg["method"], msg.get("params", {})
        self._seen.append(m)
        if m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            self.errors.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif m == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            self.console.append(f"{p.get('type')}: {text}")
            if p.get("type") in ("error", "assert"):
                self.errors.append(f"console.{p.get('type')}: {text}")
        elif m == "Log.entryAdded":
            e = p.get("entry", {})
            if e.get("level") == "error":
                self.errors.append(f"log: {e.get('text')} {e.get('url', '')}".strip())
        elif m == "Network.requestWillBeSent":
            self.requests.append(p.get("request", {}).get("url", ""))
        elif m == "Network.loadingFailed":
            self.errors.append(f"load failed: {p.get('errorText')}")

    def call(self, method: str, params: dict | None = None, timeout: float = 60) -> dict:
        return self.browser.call(method, params, self.session, timeout)

    def wait_for(self, method: str, timeout: float = 60) -> None:
        start = len(self._seen)
        deadline = time.monotonic() + timeout
        while method not in self._seen[start:]:
            if time.monotonic() > deadline:
                raise CDPError(f"no {method} within {timeout} s")
            self.browser._read(0.1)

    def navigate(self, url: str, timeout: float = 60) -> None:
        start = len(self._seen)
        res = self.call("Page.navigate", {"url": url})
        if res.get("errorText"):
            raise CDPError(f"navigate {url}: {res['errorText']}")
        deadline = time.monotonic() + timeout
        while "Page.loadEventFired" not in self._seen[start:]:
            if time.monotonic() > deadline:
                raise CDPError(f"{url} did not load within {timeout} s")
            self.browser._read(0.1)

    def evaluate(self, expression: str, await_promise: bool = False, timeout: float = 60):
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                             "awaitPromise": await_promise}, timeout)
        if "exceptionDetails" in res:
            d = res["exceptionDetails"]
            raise CDPError(f"evaluate failed: {d.get('exception', {}).get('description') or d.get('text')}")
        return res.get("result", {}).get("value")

    def wait_until(self, expression: str, timeout: float = 30, interval: float = 0.05):
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"{expression!r} still false after {timeout} s")
            self.browser.pump(interval)

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})
        self.browser._pages.pop(self.session, None)

    def screenshot(self, path: str | Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path
