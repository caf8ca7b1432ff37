"""terraform-provider-auth0's validation rules for the resource types this project registers, as data.

Copied from the provider's Go source (`Rule.source` names the file under internal/auth0/ of
auth0/terraform-provider-auth0, at the stored commit given in CRAWLED). Where the stored source is older than the
provider pulumi-auth0 3.55.1 bridges, an option list is widened with the options the installed SDK's docstrings
(generated from the bridged provider's schema descriptions) name; those rules say `+sdk` in their source.
Paths are engine property paths as the plan records them (see cli/provider_rules.py).
"""

from __future__ import annotations

from cli.provider_rules import Rule

CRAWLED = {
    "client/resource.go": "02c782a3", "resourceserver/resource.go": "02c782a3", "tenant/resource.go": "029d89be",
    "logstream/resource.go": "02c782a3", "email/resource_template.go": "384d1327",
    "customdomain/resource.go": "0d6101b9", "connection/schema.go": "036f5b46",
    "prompt/resource.go": "02c782a3", "action/resource.go": "02c782a3",
}

CLIENT = "auth0:index/client:Client"
RESOURCE_SERVER = "auth0:index/resourceServer:ResourceServer"
TENANT = "auth0:index/tenant:Tenant"
LOG_STREAM = "auth0:index/logStream:LogStream"
EMAIL_TEMPLATE = "auth0:index/emailTemplate:EmailTemplate"
CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"
PROMPT = "auth0:index/prompt:Prompt"
ACTION = "auth0:index/action:Action"
CONNECTION = "auth0:index/connection:Connection"

_CS = "connection/schema.go"
_STRATEGIES = [
    "ad", "adfs", "amazon", "apple", "dropbox", "bitbucket", "aol", "auth0-adldap", "auth0-oidc", "auth0", "baidu",
    "bitly", "box", "custom", "daccount", "dwolla", "email", "evernote-sandbox", "evernote", "exact", "facebook",
    "fitbit", "flickr", "github", "google-apps", "google-oauth2", "guardian", "instagram", "ip", "linkedin",
    "miicard", "oauth1", "oauth2", "office365", "oidc", "okta", "paypal", "paypal-sandbox", "pingfederate",
    "planningcenter", "renren", "salesforce-community", "salesforce-sandbox", "salesforce", "samlp", "sharepoint",
    "shopify", "sms", "soundcloud", "thecity-sandbox", "thecity", "thirtysevensignals", "twitter", "untappd",
    "vkontakte", "waad", "weibo", "windowslive", "wordpress", "yahoo", "yammer", "yandex", "line"]

_C = "client/resource.go"
_APP_TYPES = ["native", "spa", "regular_web", "non_interactive", "rms", "box", "cloudbees", "concur", "dropbox",
              "mscrm", "echosign", "egnyte", "newrelic", "office365", "salesforce", "sentry", "sharepoint", "slack",
              "springcm", "sso_integration", "zendesk", "zoom"]
_HTTPS_OR_EMPTY_ADDONS = ["addons.rms.url", "addons.mscrm.url", "addons.sentry.baseUrl", "addons.salesforce.entityId",
                          "addons.sapApi.tokenEndpointUrl"]

_LS = "logstream/resource.go"
_SINK_GROUPS = [
    ["awsAccountId", "awsRegion"],
    ["azureSubscriptionId", "azureResourceGroup", "azureRegion"],
    ["httpContentFormat", "httpContentType", "httpEndpoint", "httpAuthorization"],
    ["datadogRegion", "datadogApiKey"],
    ["splunkDomain", "splunkToken", "splunkPort", "splunkSecure"],
    ["mixpanelRegion", "mixpanelProjectId", "mixpanelServiceAccountUsername", "mixpanelServiceAccountPassword"],
]

RULES: tuple[Rule, ...] = (
    # auth0_client
    Rule(CLIENT, "description", "len_between", (0, 140), _C),
    Rule(CLIENT, "appType", "in", (_APP_TYPES + ["resource_server", "express_configuration"], False), _C + " +sdk"),
    Rule(CLIENT, "organizationUsage", "in", (["deny", "allow", "require"], False), _C),
    Rule(CLIENT, "organizationRequireBehavior", "in",
         (["no_prompt", "pre_login_prompt", "post_login_prompt"], False), _C),
    Rule(CLIENT, "initiateLoginUri", "https_or_empty", None, _C),
    Rule(CLIENT, "refreshToken.rotationType", "in", (["rotating", "non-rotating"], False), _C),
    Rule(CLIENT, "refreshToken.expirationType", "in", (["expiring", "non-expiring"], False), _C),
    Rule(CLIENT, "mobile", "at_least_one_of", ["android", "ios"], _C),
    Rule(CLIENT, "mobile.android", "at_least_one_of", ["appPackageName", "sha256CertFingerprints"], _C),
    Rule(CLIENT, "mobile.ios", "at_least_one_of", ["teamId", "appBundleIdentifier"], _C),
    Rule(CLIENT, "addons.aws.lifetimeInSeconds", "int_between", (900, 43200), _C),
    Rule(CLIENT, "addons.azureBlob.expiration", "at_least", 0, _C),
    Rule(CLIENT, "addons.azureSb.expiration", "at_least", 0, _C),
    Rule(CLIENT, "addons.layer.expiration", "at_least", 0, _C),
    *(Rule(CLIENT, path, "https_or_empty", None, _C) for path in _HTTPS_OR_EMPTY_ADDONS),
    # auth0_resource_server
    Rule(RESOURCE_SERVER, "signingSecret", "len_between", (16, 2**31 - 1), "resourceserver/resource.go"),
    Rule(RESOURCE_SERVER, "tokenDialect", "in",
         (["access_token", "access_token_authz", "rfc9068_profile", "rfc9068_profile_authz"], True),
         "resourceserver/resource.go +sdk"),
    # auth0_tenant
    Rule(TENANT, "sessionLifetime", "at_least", 0.01, "tenant/resource.go"),
    Rule(TENANT, "idleSessionLifetime", "at_least", 0.01, "tenant/resource.go"),
    Rule(TENANT, "defaultRedirectionUri", "https_or_empty", None, "tenant/resource.go"),
    Rule(TENANT, "sessionCookie.mode", "in", (["persistent", "non-persistent"], False), "tenant/resource.go"),
    Rule(TENANT, "", "conflicts_with", ["disableAcrValuesSupported", "acrValuesSupporteds"],
         "tenant/resource.go (CustomizeDiff validateTenant)"),
    # auth0_log_stream
    Rule(LOG_STREAM, "type", "in",
         (["eventbridge", "eventgrid", "http", "datadog", "splunk", "sumo", "mixpanel", "segment"], True), _LS),
    Rule(LOG_STREAM, "status", "in", (["active", "paused", "suspended"], False), _LS),
    Rule(LOG_STREAM, "sink.httpContentFormat", "in", (["JSONLINES", "JSONARRAY", "JSONOBJECT"], False), _LS),
    Rule(LOG_STREAM, "sink.datadogRegion", "in", (["us", "eu", "us3", "us5"], False), _LS),
    *(Rule(LOG_STREAM, "sink", "required_with", [key] + [k for k in group if k != key], _LS)
      for group in _SINK_GROUPS for key in group),
    # auth0_email_template
    Rule(EMAIL_TEMPLATE, "template", "in", ([
        "verify_email", "verify_email_by_code", "reset_email", "reset_email_by_code", "welcome_email",
        "blocked_account", "stolen_credentials", "enrollment_email", "mfa_oob_code", "user_invitation",
        "change_password", "password_reset", "async_approval", "auth_email_by_code"], True),
        "email/resource_template.go +sdk"),
    # auth0_custom_domain
    Rule(CUSTOM_DOMAIN, "type", "in", (["auth0_managed_certs", "self_managed_certs"], True),
         "customdomain/resource.go"),
    Rule(CUSTOM_DOMAIN, "customClientIpHeader", "in",
         (["cf-connecting-ip", "x-forwarded-for", "true-client-ip", ""], False), "customdomain/resource.go"),
    Rule(CUSTOM_DOMAIN, "tlsPolicy", "in", (["compatible", "recommended"], False), "customdomain/resource.go"),
    # auth0_prompt
    Rule(PROMPT, "universalLoginExperience", "in", (["new", "classic"], False), "prompt/resource.go"),
    Rule(PROMPT, "", "at_least_one_of", ["universalLoginExperience", "identifierFirst", "webauthnPlatformFirstFactor"],
         "prompt/resource.go"),
    # auth0_connection (options is one block; its keys are shared by every strategy)
    Rule(CONNECTION, "strategy", "in", (_STRATEGIES, True), _CS),
    Rule(CONNECTION, "metadata", "map_value_len", (0, 255), _CS),
    Rule(CONNECTION, "options.validation.username.min", "at_least", 1, _CS),
    Rule(CONNECTION, "options.validation.username.max", "at_least", 1, _CS),
    Rule(CONNECTION, "options.passwordPolicy", "in", (["none", "low", "fair", "good", "excellent"], False), _CS),
    Rule(CONNECTION, "options.passwordComplexityOptions.minLength", "at_least", 1, _CS),
    Rule(CONNECTION, "options.pingFederateBaseUrl", "http_or_https", None, _CS),
    Rule(CONNECTION, "options.identityApi", "in",
         (["microsoft-identity-platform-v2.0", "azure-active-directory-v1.0"], False), _CS),
    Rule(CONNECTION, "options.provider", "in", (["sms_gateway"], False), _CS),
    Rule(CONNECTION, "options.setUserRootAttributes", "in",
         (["on_each_login", "on_first_login", "never_on_login"], False), _CS + " +sdk"),
    Rule(CONNECTION, "options.shouldTrustEmailVerifiedConnection", "in",
         (["never_set_emails_as_verified", "always_set_emails_as_verified"], False), _CS),
    Rule(CONNECTION, "options.protocolBinding", "in", (["urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
                                                         "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"], True), _CS),
    Rule(CONNECTION, "options", "conflicts_with", ["metadataXml", "metadataUrl"], _CS),
    Rule(CONNECTION, "options.fieldsMap", "is_json", None, _CS),
    Rule(CONNECTION, "options.upstreamParams", "is_json", None, _CS),
    Rule(CONNECTION, "options.attributeMap.attributes", "is_json", None, _CS),
    Rule(CONNECTION, "options.attributeMap.mappingMode", "in", (["use_map", "bind_all", "basic_profile"], False), _CS),
    Rule(CONNECTION, "options.connectionSettings.pkce", "in", (["auto", "s256", "plain", "disabled"], False), _CS),
    # auth0_action
    Rule(ACTION, "runtime", "in", (["node12", "node16", "node18", "node22"], False), "action/resource.go +sdk"),
    Rule(ACTION, "supportedTriggers", "min_items", 1, "action/resource.go"),
    Rule(ACTION, "supportedTriggers", "max_items", 1, "action/resource.go"),
)
