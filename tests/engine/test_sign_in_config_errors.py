"""Bad sign-in config stops the plan with one line naming file, key path and what was expected."""

from __future__ import annotations

import pytest

from components.config.errors import ConfigError


def _error(project, edit, stack="live") -> str:
    data = project.blueprint()
    edit(data)
    project.write_blueprint(data)
    return "\n".join(project.problems(stack))


def test_grant_naming_an_unknown_api(project):
    def edit(data):
        data["applications"]["fare-sync"]["grants"] = {"billing-api": ["read:invoices"]}
    message = _error(project, edit)
    assert "tenant.yaml" in message and "applications.fare-sync.grants.billing-api" in message, message
    assert "unknown API 'billing-api' (defined: trips-api)" in message, message


def test_grant_naming_an_unknown_scope(project):
    def edit(data):
        data["applications"]["fare-sync"]["grants"]["trips-api"] = ["read:trips", "delete:orders"]
    message = _error(project, edit)
    assert "applications.fare-sync.grants.trips-api.1: API 'trips-api' has no scope 'delete:orders'" in message


def test_grant_from_an_application_that_is_not_machine_to_machine(project):
    def edit(data):
        data["applications"]["portal"]["grants"] = {"trips-api": ["read:trips"]}
    message = _error(project, edit)
    assert "applications.portal: grants need the client_credentials grant type" in message, message


def test_connection_enabling_an_unknown_application(project):
    def edit(data):
        data["connections"]["google-social"]["enabled_applications"].append("kiosk")
    message = _error(project, edit)
    assert "connections.google-social.enabled_applications.2: unknown application 'kiosk'" in message, message
    assert "(defined: booking, companion, fare-sync, portal)" in message, message


def test_role_permission_on_an_unknown_scope(project):
    def edit(data):
        data["roles"]["travel-agent"]["permissions"]["trips-api"].append("refund:orders")
    message = _error(project, edit)
    assert "roles.travel-agent.permissions.trips-api.3: API 'trips-api' has no scope 'refund:orders'" in message


def test_role_permission_on_an_unknown_api(project):
    def edit(data):
        data["roles"]["fare-auditor"]["permissions"] = {"catalog-api": ["write:catalog"]}
    message = _error(project, edit)
    assert "roles.fare-auditor.permissions.catalog-api: unknown API 'catalog-api'" in message, message


def test_error_line_points_at_the_stack_overlay_when_it_introduced_the_problem(project):
    project.set_stack_config("preprod", "ciam:connections", {"travellers": {"enabled_applications": ["kiosk"]}})
    with pytest.raises(ConfigError) as caught:
        project.plan("preprod")
    assert "Pulumi.preprod.yaml" in str(caught.value) and "unknown application 'kiosk'" in str(caught.value)


def test_social_client_secret_in_plain_text_is_refused(project):
    def edit(data):
        data["connections"]["google-social"]["client_secret"] = "hunter2"
    message = _error(project, edit)
    assert "connections.google-social.client_secret: a plain-text value is not allowed here" in message, message


def test_a_plain_text_secret_is_not_echoed_into_ci_logs(project):
    def edit(data):
        data["connections"]["google-social"]["client_secret"] = "hunter2"
    assert "hunter2" not in _error(project, edit)


def test_connection_key_that_auth0_cannot_use_as_a_name(project):
    def edit(data):
        data["connections"]["frequent_flyers"] = data["connections"].pop("frequent-flyers")
    message = _error(project, edit)
    assert "connections.frequent_flyers: Auth0 connection names allow no '_'" in message, message


def test_apple_without_its_key_identifiers(project):
    def edit(data):
        del data["connections"]["sign-in-with-apple"]["team_id"]
    assert "connections.sign-in-with-apple.key_id: apple needs team_id and key_id" in _error(project, edit)


def test_unknown_strategy_lists_the_supported_ones(project):
    def edit(data):
        data["connections"]["google-social"]["strategy"] = "myspace"
    message = _error(project, edit)
    assert "connections.google-social: strategy must be one of" in message and "'myspace'" in message, message


def test_browser_app_cannot_use_client_credentials(project):
    def edit(data):
        data["applications"]["booking"]["grant_types"] = ["authorization_code", "client_credentials"]
    message = _error(project, edit)
    assert "applications.booking: a spa application cannot use the client_credentials grant" in message


def test_rotating_refresh_tokens_must_expire(project):
    def edit(data):
        data["applications"]["companion"]["refresh_token"]["expiration_type"] = "non-expiring"
    assert "applications.companion.refresh_token: rotating refresh tokens must be expiring" in _error(project, edit)


def test_admin_notifications_need_a_frequency(project):
    def edit(data):
        data["attack_protection"]["breached_password_detection"]["admin_notification_frequencies"] = []
    message = _error(project, edit)
    assert "attack_protection.breached_password_detection: admin_notification needs admin_notification_frequencies" \
        in message, message


def test_allowlist_entry_must_be_an_ip_or_range(project):
    def edit(data):
        data["attack_protection"]["brute_force_protection"]["allowlist"] = ["office.acme.example"]
    message = _error(project, edit)
    assert "attack_protection.brute_force_protection.allowlist.0: expected an IPv4/IPv6 address or CIDR range" \
        in message, message


def test_mfa_policy_without_a_factor(project):
    def edit(data):
        data["mfa"] = {"policy": "all-applications", "recovery_code": True}
    assert "mfa: policy all-applications needs at least one factor besides recovery codes" in _error(project, edit)


def test_missing_custom_database_script_names_the_file(project):
    def edit(data):
        data["connections"]["frequent-flyers"]["custom_database"]["login"] = "assets/custom-database/nope.js"
    message = _error(project, edit)
    assert "connections.frequent-flyers.custom_database.login: file not found: assets/custom-database/nope.js" \
        in message, message


def test_two_connections_with_one_auth0_name(project):
    def edit(data):
        data["connections"]["frequent-flyers"]["name"] = "travellers"
    message = _error(project, edit)
    assert "connections.frequent-flyers: connection name 'travellers' is also used by connections.travellers" \
        in message, message


def test_two_apis_with_one_identifier(project):
    def edit(data):
        data["apis"]["trips-copy"] = dict(data["apis"]["trips-api"])
    message = _error(project, edit)
    assert "apis.trips-copy.identifier: identifier 'https://api.globex.example/trips' is also used by " \
        "apis.trips-api" in message, message


def test_email_verification_with_a_required_username(project):
    def edit(data):
        data["connections"]["travellers"].update(requires_username=True, email_verification="link")
    message = _error(project, edit)
    assert "connections.travellers.email_verification: email_verification uses Auth0's flexible identifiers" \
        in message, message
