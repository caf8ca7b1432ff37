"""The Pulumi program: load tenant.yaml with this stack's overlay, build the tenant, export outputs."""

from pathlib import Path

import pulumi

from components.auth0_provider import pinned_provider
from components.ciam_tenant import CiamTenant
from components.config.runtime import load_stack_config

config = load_stack_config(Path(__file__).resolve().parent)
provider = pinned_provider(config)
tenant = CiamTenant("ciam", config, opts=pulumi.ResourceOptions(providers=[provider]))

pulumi.export("tenant_domain", config.stack.tenant_domain)
pulumi.export("login_domain", tenant.login_domain)
pulumi.export("custom_domain_dns_record", tenant.custom_domain_dns_record)
pulumi.export("outbound_ips", tenant.outbound_ips)
pulumi.export("client_ids", tenant.client_ids)
pulumi.export("api_identifiers", tenant.api_identifiers)
