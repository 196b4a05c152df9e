from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Fill the database with a realistic week of demo data (idempotent)."

    def handle(self, *args, **options):
        modules = []
        for config in apps.get_app_configs():
            try:
                modules.append(import_module(f"{config.name}.demo"))
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
        for module in modules:
            with transaction.atomic():
                module.seed(self.stdout.write)
        # seed_last(log): what needs every app's data first (a drill counts the staff on duty).
        for module in modules:
            if hasattr(module, "seed_last"):
                with transaction.atomic():
                    module.seed_last(self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS("Demo data ready. Password for all accounts: demo12345")
        )
