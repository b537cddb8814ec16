import pytest

SITE = "https://tiepdan.benthanh.example.gov.vn"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.TIEPDAN_SITE_URL = SITE + "/"  # a trailing slash is forgiven


def with_email(user):
    user.email = f"{user.username}@benthanh.example.gov.vn"
    user.save(update_fields=["email"])
    return user


@pytest.fixture
def officer(officer_a):
    """Ward A's officer (reception and handling) with an e-mail address."""
    return with_email(officer_a)


@pytest.fixture
def leader(leader_a):
    return with_email(leader_a)
