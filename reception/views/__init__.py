from . import arrangements, desk, log, rollcall, visits, watchlist

__all__ = ["arrangements", "desk", "log", "rollcall", "visits", "watchlist"]
