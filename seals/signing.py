"""PAdES signatures of sealed PDFs (pyHanko) and their verification.

The organisation's certificate and key are PEM files named by settings or the environment
(`SEALS_SIGNING_CERT`, `SEALS_SIGNING_KEY`, `SEALS_SIGNING_PASSPHRASE`); by default under
var/seals/ (never committed). `ensure_demo_certificate()` (the demo seed, so `make run`)
makes a self-signed one there when none exists. Each signature's /Reason carries the use's
token (`用印 <token>`), inside the signed bytes: the verify page finds the use from it.
"""

import io
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils.timezone import now

from office.conf import setting

TOKEN = re.compile(r"用印\s+([0-9a-f]{32})")
FIELD = "Seal"


def cert_path() -> Path:
    return Path(setting("SEALS_SIGNING_CERT", str(settings.BASE_DIR / "var/seals/cert.pem")))


def key_path() -> Path:
    return Path(setting("SEALS_SIGNING_KEY", str(settings.BASE_DIR / "var/seals/key.pem")))


def _passphrase() -> bytes | None:
    value = setting("SEALS_SIGNING_PASSPHRASE", "")
    return value.encode() if value else None


def is_configured() -> bool:
    return cert_path().exists() and key_path().exists()


def ensure_demo_certificate(organisation: str | None = None) -> bool:
    """Make a self-signed certificate and key where the settings point, if none is there.
    True when one was made."""
    if is_configured():
        return False
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    organisation = organisation or settings.ORGANISATION_NAME
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{organisation}（演示印章证书）"),
        ]
    )
    start = now() - timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    passphrase = _passphrase()
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    key_path().parent.mkdir(parents=True, exist_ok=True)
    cert_path().parent.mkdir(parents=True, exist_ok=True)
    key_path().write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    key_path().chmod(0o600)
    cert_path().write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return True


def _our_certificate():
    from pyhanko.keys import load_cert_from_pemder

    return load_cert_from_pemder(str(cert_path()))


def sign_pdf(pdf: bytes, *, token: str, location: str = "") -> bytes:
    """The PDF signed (PAdES baseline B) by the organisation; the token in /Reason."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load(
        str(key_path()), str(cert_path()), key_passphrase=_passphrase()
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        reason=f"用印 {token}",
        location=location or settings.ORGANISATION_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=signer).sign_pdf(writer, output=out)
    return out.getvalue()


@dataclass
class Verdict:
    """What the verify page says of an uploaded PDF."""

    readable: bool = False
    signed: bool = False
    intact: bool = False  # the signed bytes are unchanged and the signature is valid
    whole: bool = False  # nothing was added after the signature
    ours: bool = False  # signed with the organisation's certificate
    token: str = ""
    signer: str = ""

    @property
    def genuine(self) -> bool:
        return self.intact and self.whole and self.ours


def verify_pdf(data: bytes) -> Verdict:
    """Validate the PDF's signature against the organisation's certificate (never raises)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    verdict = Verdict()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, OSError, IndexError):
        return verdict
    verdict.readable = True
    if not signatures:
        return verdict
    embedded = signatures[-1]
    verdict.signed = True
    try:
        ours = _our_certificate() if is_configured() else None
        context = ValidationContext(trust_roots=[ours] if ours else [], allow_fetching=False)
        status = validate_pdf_signature(embedded, context)
    except Exception:  # noqa: BLE001 - a malformed signature is "not intact", never a 500
        return verdict
    verdict.intact = bool(status.intact and status.valid)
    verdict.whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    cert = status.signing_cert
    verdict.signer = cert.subject.human_friendly if cert is not None else ""
    verdict.ours = bool(
        ours is not None and cert is not None and cert.sha256 == ours.sha256 and status.trusted
    )
    reason = str(embedded.sig_object.get("/Reason", ""))
    match = TOKEN.search(reason)
    verdict.token = match.group(1) if match else ""
    return verdict
