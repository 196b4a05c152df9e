from . import arrangements, desk, log, visits, watchlist

__all__ = ["arrangements", "desk", "log", "visits", "watchlist"]
