"""Where seal images and sealed files live: a private directory, never a public media URL.
They are read only by the services (an approved use) and served only after a permission
check, so the storage has no URL at all."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from office.conf import setting


@deconstructible
class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):  # read at use time, so tests and deployments can move it
        return setting("SEALS_PRIVATE_ROOT", str(settings.BASE_DIR / "var" / "private" / "seals"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("seal files have no URL: they are served after a permission check")


private_storage = PrivateStorage()
