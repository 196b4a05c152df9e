import pytest
from django.core.files.base import ContentFile
from django.utils.timezone import now

from seals import signing
from seals.images import demo_seal, normalise
from seals.models import Seal
from tests.documents.factories import OutgoingFactory
from tests.factories import UserFactory


@pytest.fixture(scope="session")
def _certificate_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("seal-cert")


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path, _certificate_dir):
    """Seal files and the signing certificate in temporary directories, never under var/."""
    settings.SEALS_PRIVATE_ROOT = str(tmp_path / "private")
    settings.SEALS_SIGNING_CERT = str(_certificate_dir / "cert.pem")
    settings.SEALS_SIGNING_KEY = str(_certificate_dir / "key.pem")
    signing.ensure_demo_certificate("测试单位办公室")


@pytest.fixture
def keeper(office_department):
    return UserFactory(
        username="keeper", name="何玉兰", roles=["seal_keeper"], department=office_department
    )


@pytest.fixture(scope="session")
def seal_png():
    return normalise(demo_seal("示范单位办公室"))


@pytest.fixture
def seal(keeper, director, seal_png):
    seal = Seal.objects.create(
        name="示范单位办公室公章",
        kind=Seal.Kind.OFFICIAL,
        custodian=keeper,
        location="综合科保险柜",
        image_uploaded_by=director,
        image_uploaded_at=now(),
    )
    seal.image.save("seal.png", ContentFile(seal_png))
    return seal


@pytest.fixture
def issued(clerk, director):
    return OutgoingFactory(
        drafted_by=clerk,
        status="issued",
        number="办发〔2026〕8号",
        signed_by=director,
        signed_at=now(),
        issued_at=now(),
        security_level="internal",
    )
