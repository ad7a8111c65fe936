"""Makes the local federation's certificate authority and server certificates.

Run with the Synapse virtualenv's Python (deploy/certs/certificates.ts does):
the `cryptography` package is a Synapse dependency, so it is always there,
whereas the openssl CLI is not (and macOS ships LibreSSL, whose flags for
subjectAltName differ). One run handles a whole plan read as JSON on stdin:

  {"ca": {"dir": "...", "name": "..."},
   "servers": [{"dir": "...", "ip": "127.0.20.1", "dns": ["optional.example"]}]}

A server's optional "dns" names go into its subjectAltName beside its IP (the
local production run's web app host, served by the same nginx).

It is idempotent: an existing CA is kept; a server certificate is kept while
it was issued by that CA, names that IP and those names, and has more than
30 days left, and is reissued otherwise. Prints {"caCert": ..., "servers": [{"cert", "key"}]}.
"""

import datetime
import ipaddress
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_DAYS = 3650
SERVER_DAYS = 397
RENEW_WITHIN = datetime.timedelta(days=30)


def now():
    return datetime.datetime.now(datetime.timezone.utc)


def write_private(path, data):
    # NOTE: 0600 because these are private keys, even if only for a local CA.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def pem_key(key):
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def ensure_ca(directory, name):
    os.makedirs(directory, exist_ok=True)
    cert_path = os.path.join(directory, "ca.crt")
    key_path = os.path.join(directory, "ca.key")
    if os.path.exists(cert_path) and os.path.exists(key_path):
        with open(cert_path, "rb") as f:
            cert = x509.load_pem_x509_certificate(f.read())
        with open(key_path, "rb") as f:
            key = serialization.load_pem_private_key(f.read(), None)
        return cert_path, cert, key

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now() - datetime.timedelta(minutes=5))
        .not_valid_after(now() + datetime.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )
    write_private(key_path, pem_key(key))
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return cert_path, cert, key


def still_good(cert_path, ca_cert, ip, dns):
    try:
        with open(cert_path, "rb") as f:
            cert = x509.load_pem_x509_certificate(f.read())
        cert.verify_directly_issued_by(ca_cert)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        if ipaddress.ip_address(ip) not in san.get_values_for_type(x509.IPAddress):
            return False
        if set(dns) != set(san.get_values_for_type(x509.DNSName)):
            return False
        return cert.not_valid_after_utc - now() > RENEW_WITHIN
    except Exception:
        return False


def ensure_server(server, ca_cert, ca_key):
    directory = server["dir"]
    ip = server["ip"]
    dns = server.get("dns", [])
    os.makedirs(directory, exist_ok=True)
    cert_path = os.path.join(directory, "tls.crt")
    key_path = os.path.join(directory, "tls.key")
    if os.path.exists(key_path) and still_good(cert_path, ca_cert, ip, dns):
        return {"cert": cert_path, "key": key_path}

    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ip)]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now() - datetime.timedelta(minutes=5))
        .not_valid_after(now() + datetime.timedelta(days=SERVER_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
        # NOTE: server names are IP literals; Synapse checks them against IP
        # entries of the subjectAltName (service_identity.verify_ip_address),
        # never against the CN.
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(ip))] + [x509.DNSName(name) for name in dns]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    write_private(key_path, pem_key(key))
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    return {"cert": cert_path, "key": key_path}


def main():
    plan = json.load(sys.stdin)
    ca_path, ca_cert, ca_key = ensure_ca(plan["ca"]["dir"], plan["ca"]["name"])
    servers = [ensure_server(s, ca_cert, ca_key) for s in plan.get("servers", [])]
    json.dump({"caCert": ca_path, "servers": servers}, sys.stdout)


if __name__ == "__main__":
    main()
