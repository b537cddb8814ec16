"""Prepare the local database for `make run`, in one Python process (Django starts once).

Migrate, create the cache table, collect the static files, load the demo data when the
database has no unit yet, then print the demo logins.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from tiepdan.orgunits.models import OrgUnit  # noqa: E402


def main() -> None:
    print("Migrating the database...", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable")
    call_command("collectstatic", interactive=False, verbosity=0)
    if not OrgUnit.objects.exists():
        print("Empty database: loading the demo data (manage.py seed_demo)...", flush=True)
        # The demo's notifications would go to made-up addresses: drop them.
        backend = settings.EMAIL_BACKEND
        settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
        call_command("seed_demo")
        settings.EMAIL_BACKEND = backend
    print(flush=True)
    call_command("demo_logins")
    print(flush=True)


if __name__ == "__main__":
    main()
