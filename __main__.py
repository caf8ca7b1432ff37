"""The Pulumi program: load tenant.yaml with this stack's overlay, build the tenant, export outputs."""

from pathlib import Path

import pulumi

from cli.gate import refuse_mandatory_violations
from components.auth0_provider import pinned_provider
from components.ciam_tenant import CiamTenant
from components.config.runtime import load_stack_config

PROJECT_DIR = Path(__file__).resolve().parent
config = load_stack_config(PROJECT_DIR)
refuse_mandatory_violations(PROJECT_DIR, pulumi.get_stack(), config.stack.environment == "production")
provider = pinned_provider(config)
tenant = CiamTenant("ciam", config, opts=pulumi.ResourceOptions(providers=[provider]))

pulumi.export("tenant_domain", config.stack.tenant_domain)
pulumi.export("login_domain", tenant.login_domain)
pulumi.export("custom_domain_dns_record", tenant.custom_domain_dns_record)
pulumi.export("custom_domain_dns_records", tenant.custom_domain_dns_records)
pulumi.export("outbound_ips", tenant.outbound_ips)
pulumi.export("client_ids", tenant.client_ids)
pulumi.export("api_identifiers", tenant.api_identifiers)
