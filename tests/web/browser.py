"""A real headless Chromium, driven with Selenium through Debian's chromedriver, for the tests of
the browser client. Without Chromium, chromedriver or Selenium the browser tests are skipped with
the reason (.ci/run installs them; a developer may run `apt-get install chromium chromium-driver`).

Chromium's performance log gives every WebSocket frame the page sent and received, exactly as
they crossed the network: what the page was told is read there, not from the page's own code.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVERS = ("chromedriver",)
DRIVER_PLACES = ("/usr/lib/chromium/chromedriver", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)
WAIT = 60.0  # seconds a step may take before the test fails (never reached when all is well)
LAPTOP = (1024, 768)
TABLET = (800, 1280)  # a 10-inch tablet held upright, in CSS pixels


def find_chromium() -> tuple[str, str]:
    """(browser, driver) paths; pytest.skip, saying what to install, when either is missing."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("Selenium is not installed: pip install -e '.[test]'")
    browser = next((p for p in map(shutil.which, BROWSERS) if p), None)
    driver = next((p for p in map(shutil.which, DRIVERS) if p), None)
    driver = driver or next((p for p in DRIVER_PLACES if Path(p).is_file()), None)
    if browser is None or driver is None:
        missing = " and ".join(
            n for n, p in (("chromium", browser), ("chromium-driver", driver)) if p is None
        )
        pytest.skip(
            f"no headless Chromium to drive: install {missing} "
            "(Debian: apt-get install chromium chromium-driver)"
        )
    return browser, driver


@dataclass
class Page:
    """One browser window on one page, with the WebSocket frames it exchanged."""

    driver: Any
    received: list[str] = field(default_factory=list)  # frames from the host, in order
    sent: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.driver.get(url)

    def size(self, width: int, height: int) -> None:
        """The page's viewport in CSS pixels (a window's frame left out)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def css(self, selector: str) -> Any:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def click(self, target: str | Any) -> None:
        """Click an element (a selector or the element), brought to the middle of the window
        first, as a person scrolls to what they click, clear of the bars at the top and bottom."""
        element = self.css(target) if isinstance(target, str) else target
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def all(self, selector: str) -> list[Any]:
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def text(self, selector: str = "body") -> str:
        return self.js(f"return document.querySelector({json.dumps(selector)})?.innerText ?? ''")

    def html(self) -> str:
        """The whole document as it stands, and what the page keeps in this browser."""
        return self.js(
            "return document.documentElement.outerHTML + JSON.stringify(Object.entries("
            "localStorage))"
        )

    def wait(self, condition: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            self.collect()
            try:
                found = condition()
            except Exception:  # noqa: BLE001 - the page is still changing: look again
                found = None
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the page says:\n{self.text()}")
            time.sleep(0.05)

    def collect(self) -> None:
        """Take the WebSocket frames from Chromium's log (each is reported once)."""
        for entry in self.driver.get_log("performance"):
            event = json.loads(entry["message"])["message"]
            method = event.get("method")
            if method == "Network.webSocketFrameReceived":
                self.received.append(event["params"]["response"]["payloadData"])
            elif method == "Network.webSocketFrameSent":
                self.sent.append(event["params"]["response"]["payloadData"])

    def messages(self, frames: list[str]) -> list[dict]:
        return [json.loads(f) for f in frames]

    def keys(self, *keys: str) -> None:
        """Press keys on whatever has the focus: the keyboard as a person uses it."""
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(*keys).perform()

    def focused(self) -> Any:
        return self.driver.switch_to.active_element

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]


@contextlib.contextmanager
def chromium(width: int = LAPTOP[0], height: int = LAPTOP[1]) -> Iterator[Page]:
    """A fresh headless Chromium (its own profile: no token or draft from another test)."""
    browser, driver_path = find_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="wargame-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        page = Page(driver)
        page.size(width, height)
        yield page
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def handed_in(page) -> bool:  # noqa: ANN001
    """The page shows the host's acknowledgement of the orders (its summary says "\u2714 handed
    in"; before it, "not handed in yet", which also contains the words)."""
    return "\u2714 handed in" in page.text("#queue-summary")
