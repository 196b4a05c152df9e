from office.params import next_url


def safe_next(request, fallback: str) -> str:
    """The `next` field of a POST if it points back into the portal, else the fallback."""
    return next_url(request, fallback)
