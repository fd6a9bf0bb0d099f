// The game's screens as ARIA tabs: arrow keys move between tabs, Enter or Space (or a click)
// shows one, Home and End go to the first and last. Only the chosen tab is in the Tab order.

export class Tabs {
  constructor(list, onShow) {
    this.list = list;
    this.onShow = onShow;
    list.addEventListener("click", (e) => {
      const tab = e.target.closest("[role=tab]");
      if (tab) this.show(tab.dataset.tab, true);
    });
    list.addEventListener("keydown", (e) => this.key(e));
  }

  get tabs() {
    return [...this.list.querySelectorAll("[role=tab]")].filter((t) => !t.hidden);
  }

  get current() {
    const tab = this.tabs.find((t) => t.getAttribute("aria-selected") === "true");
    return tab ? tab.dataset.tab : null;
  }

  show(name, focus = false) {
    for (const tab of this.list.querySelectorAll("[role=tab]")) {
      const chosen = tab.dataset.tab === name;
      tab.setAttribute("aria-selected", String(chosen));
      tab.tabIndex = chosen ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !chosen;
      if (chosen && focus) tab.focus();
    }
    this.onShow?.(name);
  }

  /** Show or hide a tab (results only at the end, orders only while playing). */
  offer(name, shown) {
    const tab = this.list.querySelector(`[data-tab="${name}"]`);
    tab.hidden = !shown;
    if (!shown && this.current === name) this.show(this.tabs[0].dataset.tab);
  }

  key(e) {
    const tabs = this.tabs;
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    let next = null;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = tabs[(at + 1) % tabs.length];
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") {
      next = tabs[(at - 1 + tabs.length) % tabs.length];
    } else if (e.key === "Home") next = tabs[0];
    else if (e.key === "End") next = tabs[tabs.length - 1];
    if (next) {
      e.preventDefault();
      this.show(next.dataset.tab, true);
    }
  }
}
