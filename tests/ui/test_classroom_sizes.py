"""Every screen at the sizes classrooms use: nothing outside the window, no button or label
squeezed below what its text needs, no table with columns cut off.

1024x768 is a common projector; 960x540 is what a 1920x1080 screen leaves at 200% scaling (Qt
lays out in logical pixels, so a window at 200% is laid out as one of half the size)."""

from __future__ import annotations

import pytest

from ui.tasks import SyncTaskRunner

from .screens import cut_off, page_scrolls, tour


@pytest.mark.parametrize("size", [(1024, 768), (960, 540)], ids=["1024x768", "200pc-of-1080p"])
def test_no_screen_is_cut_off(qtbot, make_window, short_tutorial, size):
    window = make_window(SyncTaskRunner())
    window.resize(*size)
    seen = {}
    for name, shown in tour(window, short_tutorial):
        if shown is not window:
            shown.resize(min(shown.width(), size[0]), min(shown.height(), size[1]))
        seen[name] = cut_off(shown)
        if size == (1024, 768) and shown is window and page_scrolls(window):
            seen[name].append("the page does not fit the window: it scrolls")
    assert {"start", "manual", "setup", "handover", "control:0"} <= set(seen)
    assert any(name.startswith("end:") for name in seen)
    problems = {name: found for name, found in seen.items() if found}
    assert not problems, "\n".join(f"{n}: {p}" for n, found in problems.items() for p in found)


def test_the_game_screen_reflows_rather_than_clips(qtbot, make_window, tutorial):
    window = make_window(SyncTaskRunner())
    window.resize(1280, 800)
    window.play_tutorial()
    page = window.play_page
    assert not page.narrow and page.tabs.indexOf(page.dashboard) < 0
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: page.narrow)
    assert page.tabs.indexOf(page.dashboard) == 0  # "Your state" is a tab now
    intel = page.intel.intel
    assert intel.horizontalHeader().length() <= intel.viewport().width() + 1  # every column
    window.resize(960, 540)
    qtbot.waitUntil(lambda: page.tabs.indexOf(page.intel) >= 0)  # short: intelligence is a tab
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not page.narrow and page.tabs.indexOf(page.intel) < 0)
    assert page.tabs.indexOf(page.dashboard) < 0 and page.dashboard.isVisible()
