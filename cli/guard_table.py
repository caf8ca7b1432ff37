"""What deleting or replacing each resource type costs in production: the deletion guard's table.

One row per type the program can register. `cost` is one of DATA (something not in code is lost),
PROTECTION (a defence is off until the new resource exists), LOCKOUT (users cannot sign in or recover)
and LOGINS (sign-ins or tokens break for applications); None means the type is re-created from code
with nothing lost. A custom resource type missing from the table is blocked in production: a new type
needs a decision here before it can be deleted unreviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

DATA, PROTECTION, LOCKOUT, LOGINS = "data lost", "protection off", "users locked out", "logins broken"


@dataclass(frozen=True)
class Cost:
    cost: str | None
    reason: str


COSTS: dict[str, Cost] = {
    "auth0:index/connection:Connection": Cost(DATA, "deleting a connection deletes its users and their identities"),
    "auth0:index/customDomain:CustomDomain": Cost(LOGINS, "login stops on the domain and tokens change issuer"),
    "auth0:index/client:Client": Cost(LOGINS, "a new client ID and secret: every app must be reconfigured"),
    "auth0:index/clientCredentials:ClientCredentials": Cost(
        LOGINS, "the client's authentication method and credentials reset: confidential apps cannot get tokens"),
    "auth0:index/clientGrant:ClientGrant": Cost(LOGINS, "the machine-to-machine app loses access to the API"),
    "auth0:index/resourceServer:ResourceServer": Cost(LOGINS, "tokens for the old API identifier stop working"),
    "auth0:index/resourceServerScopes:ResourceServerScopes": Cost(
        LOGINS, "the API's scopes vanish, and with them the grants and role permissions that name them"),
    "auth0:index/organization:Organization": Cost(
        DATA, "deleting an organization deletes its members, their roles and pending invitations (not in code)"),
    "auth0:index/organizationConnections:OrganizationConnections": Cost(
        LOCKOUT, "the organization's members can no longer sign in through its connections"),
    "auth0:index/organizationDiscoveryDomains:OrganizationDiscoveryDomains": Cost(
        LOGINS, "sign-in by email domain no longer finds the organization"),
    "auth0:index/selfServiceProfile:SelfServiceProfile": Cost(
        LOGINS, "a new profile ID: SSO set-up tickets issued for the old one stop working"),
    "auth0:index/selfServiceProfileCustomText:SelfServiceProfileCustomText": Cost(
        None, "texts of the SSO set-up pages, re-created from code"),
    "auth0:index/tokenExchangeProfile:TokenExchangeProfile": Cost(
        LOGINS, "token exchange requests with its subject token type fail until the profile exists again"),
    "auth0:index/userAttributeProfile:UserAttributeProfile": Cost(
        LOGINS, "a new profile ID: express configurations and SSO set-up that name the old one break"),
    "auth0:index/form:Form": Cost(LOGINS, "Actions that render the form name a form ID that no longer exists"),
    "auth0:index/flow:Flow": Cost(LOGINS, "forms that run the flow point at a flow ID that no longer exists"),
    "auth0:index/flowVaultConnection:FlowVaultConnection": Cost(
        LOGINS, "flows lose the connection's credentials (secrets are set again only on the next deploy)"),
    "auth0:index/eventStream:EventStream": Cost(
        PROTECTION, "user and organization events stop reaching the sink until the stream exists again"),
    "auth0:index/role:Role": Cost(DATA, "every user's assignment to the role is deleted (assignments are not in code)"),
    "auth0:index/rolePermissions:RolePermissions": Cost(LOGINS, "users of the role lose its permissions"),
    "auth0:index/action:Action": Cost(LOGINS, "the Action leaves its trigger: its claims and checks stop running"),
    "auth0:index/actionModule:ActionModule": Cost(
        LOGINS, "the Actions that import the module can no longer be deployed or run"),
    "auth0:index/triggerActions:TriggerActions": Cost(
        LOGINS, "every Action is unbound from the trigger: claims and sign-in checks stop running"),
    "auth0:index/attackProtection:AttackProtection": Cost(
        PROTECTION, "brute-force, breached-password and suspicious-IP protection revert to Auth0's defaults"),
    "auth0:index/guardian:Guardian": Cost(PROTECTION, "MFA factors and the MFA policy are turned off"),
    "auth0:index/networkAcl:NetworkAcl": Cost(PROTECTION, "the firewall rule stops blocking traffic"),
    "auth0:index/logStream:LogStream": Cost(PROTECTION, "security logs stop reaching the SIEM; the gap is lost"),
    "auth0:index/tenant:Tenant": Cost(PROTECTION, "tenant settings (sessions, flags, error page) are left unmanaged"),
    "auth0:index/emailProvider:EmailProvider": Cost(
        LOCKOUT, "no verification, password-reset or MFA email is sent: users cannot recover their accounts"),
    "auth0:index/phoneProvider:PhoneProvider": Cost(
        LOCKOUT, "no SMS or voice code is sent: SMS-MFA users are locked out"),
    "auth0:index/connectionClients:ConnectionClients": Cost(
        LOGINS, "the connection is disabled for every application: its users cannot sign in"),
    "auth0:index/branding:Branding": Cost(
        LOGINS, "the Universal Login template and brand revert: users see an unbranded page"),
    "auth0:index/pages:Pages": Cost(LOGINS, "the custom login, password-reset and error pages revert to defaults"),
    "auth0:index/prompt:Prompt": Cost(LOGINS, "the login experience (identifier first, passkeys) reverts"),
    "pulumi:providers:auth0": Cost(LOGINS, "replacing the provider replaces every resource it manages"),
    "auth0:index/customDomainVerification:CustomDomainVerification": Cost(
        None, "a record of the verification; the domain stays verified"),
    "auth0:index/brandingTheme:BrandingTheme": Cost(None, "colours and fonts, re-created from code"),
    "auth0:index/customDomainDefault:CustomDomainDefault": Cost(
        None, "which domain emails and links use; re-created from code (the domain itself is guarded)"),
    "auth0:index/promptScreenPartials:PromptScreenPartials": Cost(None, "extra sign-up fields, re-created from code"),
    "auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate": Cost(
        None, "message text, re-created from code (Auth0's default meanwhile)"),
    "auth0:index/emailTemplate:EmailTemplate": Cost(
        None, "template text, re-created from code (Auth0's default meanwhile)"),
    "auth0:index/promptCustomText:PromptCustomText": Cost(None, "prompt texts, re-created from code"),
}

UNKNOWN = Cost(PROTECTION, "a type the deletion guard has no decision for: add it to cli/guard_table.py")


def cost_of(type_token: str) -> Cost:
    return COSTS.get(type_token, UNKNOWN)
