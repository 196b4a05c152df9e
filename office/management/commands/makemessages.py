"""makemessages, with each feature app's strings in its own catalogue.

Python files of an app already go to `<app>/locale/`; this also sends the app's templates
(`templates/<app>/...`) there, and `--app LABEL` limits a run to one catalogue, so people
working on different apps never rewrite each other's .po files. Strings of office/ and the
shared templates go to the top-level `locale/`.

    python manage.py makemessages -l zh_Hans --app duty
"""

import os

from django.conf import settings
from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--app", help="Only this app's catalogue (office: locale/).")

    def handle(self, *args, **options):
        self.only_app = options.pop("app", None)
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), ".venv", "var", "tests"]
        options.setdefault("no_obsolete", True)
        options["no_obsolete"] = True
        return super().handle(*args, **options)

    def find_files(self, root):
        base = str(settings.BASE_DIR)
        files = super().find_files(root)
        for translatable in files:
            parts = os.path.relpath(os.path.abspath(translatable.dirpath), base).split(os.sep)
            if parts[0] == "templates" and len(parts) > 1:
                app_locale = os.path.join(base, parts[1], "locale")
                if os.path.isdir(app_locale):
                    translatable.locale_dir = app_locale
        if self.only_app:
            wanted = os.path.join(
                base, *(["locale"] if self.only_app == "office" else [self.only_app, "locale"])
            )
            files = [f for f in files if os.path.abspath(f.locale_dir) == wanted]
        return files
