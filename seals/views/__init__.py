"""Views of the seals app, one module per concern."""
