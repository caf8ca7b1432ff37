"""Enterprise connections (samlp, oidc, okta, waad, google-apps, ad) from the Management API shape.

Options are camelCase for SAML and snake_case for the rest, as the Management API names them. Client secrets
and the SAML signing key become secret references; the IdP's signing certificate (base64 of a PEM or DER file,
or PEM text) is written as a PEM file under assets/certificates/.
"""

from __future__ import annotations

import base64
import binascii
import textwrap

from cli.adopt.keywords import MARKER
from cli.adopt.translate import DROP, Item, Translation

COMMON = {"domain_aliases": "domain_aliases", "set_user_root_attributes": "set_user_root_attributes"}
OAUTH = {"client_id": "client_id"}
OPTIONS: dict[str, dict[str, str]] = {
    "samlp": {"signInEndpoint": "sign_in_endpoint", "signOutEndpoint": "sign_out_endpoint",
              "signSAMLRequest": "sign_saml_request", "signatureAlgorithm": "signature_algorithm",
              "digestAlgorithm": "digest_algorithm", "protocolBinding": "protocol_binding",
              "user_id_attribute": "user_id_attribute", "disableSignout": "disable_sign_out",
              "fieldsMap": "fields_map"},
    "oidc": {**OAUTH, "type": "type", "discovery_url": "discovery_url", "issuer": "issuer"},
    "okta": {**OAUTH, "domain": "domain"},
    "waad": {**OAUTH, "tenant_domain": "tenant_domain", "waad_protocol": "waad_protocol",
             "identity_api": "identity_api", "waad_common_endpoint": "waad_common_endpoint",
             "api_enable_users": "api_enable_users", "max_groups_to_retrieve": "max_groups_to_retrieve"},
    "google-apps": {**OAUTH, "domain": "domain", "tenant_domain": "tenant_domain",
                    "api_enable_users": "api_enable_users"},
    "ad": {"ips": "ips", "use_kerberos": "use_kerberos", "kerberos": "use_kerberos", "certAuth": "use_cert_auth",
           "use_cert_auth": "use_cert_auth", "disable_cache": "disable_cache",
           "brute_force_protection": "brute_force_protection"},
}
# What Auth0 works out from the certificate itself: carried by the certificate file.
SAML_DERIVED = {"cert", "thumbprints", "expires", "subject", "cert_rollover_notification"}


def pem(value: str) -> str | None:
    """The PEM text of a certificate given as PEM, base64 of PEM, or base64 of DER; None when it is neither."""
    text = value.strip()
    if text.startswith("-----BEGIN"):
        return text.replace("\r\n", "\n") + "\n"
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    if raw.lstrip().startswith(b"-----BEGIN"):
        try:
            return raw.decode("ascii").strip().replace("\r\n", "\n") + "\n"
        except UnicodeDecodeError:
            return None
    if not raw:
        return None
    body = "\n".join(textwrap.wrap(base64.b64encode(raw).decode("ascii"), 64))
    return f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"


def _certificate(ctx: Translation, value, path: str, target: str) -> str | None:
    """Write a certificate to `target`; None (reported) when it cannot be written as a PEM file."""
    if not isinstance(value, str) or MARKER.search(value):
        ctx.report.unexpressed("connections", path, "a certificate that is not base64 or PEM text (or holds a "
                               "keyword); write the PEM file by hand")
        return None
    text = pem(value)
    if text is None:
        ctx.report.unexpressed("connections", path, "not a base64 or PEM certificate")
        return None
    ctx.assets[target] = text
    return target


def translate(ctx: Translation, item: Item, data: dict, key: str, connection: dict) -> bool:
    """Fill `connection` from an enterprise connection; False (reported) when it cannot be carried at all."""
    strategy = data["strategy"]
    prefix = f"connections.{key}"
    options = data.get("options") or {}
    used = set()
    mapping = {**COMMON, **OPTIONS[strategy]}
    if strategy == "samlp":
        used |= SAML_DERIVED
        metadata_url = options.get("metadataUrl")
        if isinstance(metadata_url, str) and metadata_url:
            # Auth0 fills the endpoints and certificate in from the metadata: they are carried by the URL.
            value = ctx.value("connections", metadata_url, f"{prefix}.options.metadataUrl")
            if value is DROP:
                return False
            connection["metadata_url"] = value
            used |= {"metadataUrl", "signingCert", "signInEndpoint", "signOutEndpoint"}
            mapping = {field: target for field, target in mapping.items()
                       if target not in ("sign_in_endpoint", "sign_out_endpoint")}
        else:
            source = "signingCert" if options.get("signingCert") else "cert" if options.get("cert") else None
            target = _certificate(ctx, options[source], f"{prefix}.options.{source}",
                                  f"assets/certificates/{key}.pem") if source else None
            if target is None:
                if source is None:
                    ctx.report.unexpressed("connections", prefix, "a SAML connection without signingCert or "
                                           "metadataUrl (metadata XML only) is not expressible yet; the whole "
                                           "connection was left out")
                return False
            connection["signing_cert"] = target
            used.add(source)
        signing_key = options.get("signing_key")
        if isinstance(signing_key, dict):
            used.add("signing_key")
            cert = _certificate(ctx, signing_key.get("cert"), f"{prefix}.options.signing_key.cert",
                                f"assets/certificates/{key}-signing.pem")
            if cert:
                connection["signing_key"] = {
                    "key": ctx.secret("connections", signing_key.get("key"), f"{prefix}.options.signing_key.key",
                                      f"{key}_signing_key"),
                    "cert": cert}
            ctx.leftovers("connections", f"{prefix}.options.signing_key", signing_key, {"key", "cert"})
    for field, target_field in mapping.items():
        if options.get(field) is None:
            continue
        value = ctx.value("connections", options[field], f"{prefix}.options.{field}")
        if value is not DROP:
            if target_field == "max_groups_to_retrieve" and isinstance(value, str) and value.isdigit():
                value = int(value)
            connection[target_field] = value
    used |= set(mapping)
    if "client_id" in OPTIONS[strategy]:
        connection["client_secret"] = ctx.secret("connections", options.get("client_secret"),
                                                 f"{prefix}.options.client_secret", f"{key}_client_secret")
        scope = options.get("scope")
        if scope:
            connection["scopes"] = scope.split() if isinstance(scope, str) else list(scope)
        used |= {"client_secret", "scope"}
    if data.get("show_as_button") is not None:
        connection["show_as_button"] = data["show_as_button"]
    ctx.leftovers("connections", f"{prefix}.options", options, used)
    return True
