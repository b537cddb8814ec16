"""The demo seeder fills a year of reception for both wards and is idempotent."""

from tiepdan.accounts import demo as accounts_demo
from tiepdan.demo.registry import Demo
from tiepdan.orgunits import demo as orgunits_demo
from tiepdan.reception import demo
from tiepdan.reception.models import Appointment, LeaderSession, ReceptionDay, ReceptionEntry


def test_it_seeds_a_year_of_reception_once(db):
    registry = Demo()
    orgunits_demo.seed(registry)
    accounts_demo.seed(registry)
    demo.seed(registry)
    entries = ReceptionEntry.objects.count()
    assert entries > 100
    assert ReceptionEntry.objects.filter(is_group=True).exists()
    assert ReceptionEntry.objects.filter(route="refused").exists()
    assert ReceptionDay.objects.filter(kind="adhoc").exists()
    assert Appointment.objects.filter(status="attended").exists()
    assert LeaderSession.objects.filter(notice_issued_on__isnull=False).exists()
    demo.seed(registry)
    assert ReceptionEntry.objects.count() == entries
