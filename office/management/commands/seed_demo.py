from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Fill the database with a realistic week of demo data (idempotent)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                module.seed(self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS("Demo data ready. Password for all accounts: demo12345")
        )
