from celery import shared_task


@shared_task
def purge_personal_data() -> int:
    """Daily: finished petitions' ID numbers, phones and addresses past retention."""
    from petitions.services import personal_data_purge

    return personal_data_purge()
