"""The Qt desktop application: a whole session played in a window.

The engine (`wargame/`) never imports Qt; this package adapts it. Map of the modules:

- presenter: `presenter.SessionPresenter` owns the match of a session and talks through signals;
  `game_setup` (what the new-game screen produces) and `session_files` (the File menu's
  interface to persistence, implemented in `persistence_files`).
- view-models, pure Python: `viewmodels` (a seat's screen), `order_catalog` (legal choices per
  move, with the help each move declares in `wargame/rules`), `labels` (words for ids), `debrief`.
- item models: `item_models`.
- views, which render view-models and emit requests: `main_window` (menus in `actions`),
  `start_page`, `setup_page`, `handover_page`, `play_page` (with `map_view`, `dashboard`,
  `ladder`, `orders_panel`, `order_form`, `negotiation_panel`, `news_panel`, `charts_panel`),
  `end_page`, `dialogs`, `help_window` (the manual, F1), shared bits in `widgets`.
- services: `tasks` (the one task runner), `settings` (QSettings, UI preferences only),
  `resources` (the only module that knows where `assets/` is), `theme` (light and dark).
- entry points: `app.main` (after `platform_check`: can a window open here?), `screenshots`
  (`wargame --screenshot DIR --size WxH`), `selftest`.
"""
