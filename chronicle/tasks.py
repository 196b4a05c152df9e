from celery import shared_task


@shared_task(acks_late=True)
def sweep_suggestions() -> int:
    """Safe to run twice: each event is suggested once (chronicle.services.suggestions_sweep)."""
    from .services import suggestions_sweep

    return suggestions_sweep()
