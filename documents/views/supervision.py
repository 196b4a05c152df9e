"""The link to the supervision app: items created from a document, with their lights."""


def supervision_tasks(document) -> list:
    from supervision.selectors import tasks_for_source

    return list(tasks_for_source(document))
