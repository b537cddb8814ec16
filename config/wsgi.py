import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve without the data key (Law 91/2025).
from tiepdan.lib.crypto import require_data_key  # noqa: E402

require_data_key()
