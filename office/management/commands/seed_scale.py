from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand


def scale_modules():
    """Apps with a demo.seed_scale(count, log) -> added function, by app label."""
    found = {}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "seed_scale"):
            found[config.label] = module
    return found


class Command(BaseCommand):
    help = (
        "Fill the database at scale for benchmarks, e.g. --documents 100000 --meetings 20000: "
        "makes sure there are N (a second run adds nothing)."
    )

    def add_arguments(self, parser):
        for label in scale_modules():
            parser.add_argument(f"--{label}", type=int, default=0, metavar="N")

    def handle(self, *args, **options):
        from office.demo import seed

        seed(self.stdout.write)
        for label, module in scale_modules().items():
            count = options.get(label) or 0
            if count > 0:  # the contract: seed_scale(N) makes sure there are N, adds the rest
                module.seed_scale(count, self.stdout.write)
