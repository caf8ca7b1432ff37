"""The plans of every fixture tenant pass terraform-provider-auth0's validation rules (the ones the engine runs at
preview time), each rule kind catches a value the provider refuses, naming the URN and property path, and every
rule in the table names a property the installed pulumi-auth0 has."""

from __future__ import annotations

import copy
import dataclasses
import typing

import pytest
from pulumi import _types

from cli.offline import Plan
from cli.provider_inputs import _unwrap, resource_args
from cli.provider_rules import CHECKS, GROUP_CHECKS, Rule, violations
from cli.provider_rules_table import RULES
from tests.conftest import fixture_plan, fixture_project, fixture_stacks

TENANTS = ("minimal", "full", "b2c-complete", "b2b-complete")
STACKS = [(tenant, stack) for tenant in TENANTS for stack in fixture_stacks(tenant)]


@pytest.mark.parametrize(("tenant", "stack"), STACKS)
def test_every_fixture_plan_passes_the_terraform_provider_rules(tenant, stack):
    found = violations(fixture_plan(tenant, stack))
    assert not found, f"{tenant}/{stack}:\n" + "\n".join(found)


def _input_class(cls, key: str):
    types = _types.input_type_types(cls)
    assert key in types, f"{key!r} is not an input of {cls.__name__}"
    pending = list(_unwrap(types[key]))
    while pending:  # the input class may sit inside Sequence[Input[...]]
        hint = pending.pop()
        if isinstance(hint, type) and _types.is_input_type(hint):
            return hint
        pending.extend(typing.get_args(hint))
    return None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.type.split(':')[-1]}.{r.path or '-'}.{r.kind}")
def test_every_rule_names_a_property_of_the_installed_sdk(rule):
    assert rule.kind in CHECKS, rule
    cls = resource_args()[rule.type]
    for part in [p.removesuffix("[]") for p in rule.path.split(".") if p]:
        assert cls is not None, f"{rule.type} {rule.path}: {part} is below a scalar"
        cls = _input_class(cls, part)
    if rule.kind in GROUP_CHECKS:
        for member in rule.arg:
            _input_class(cls, member)


def _changed(type_token: str, change) -> tuple[Plan, str]:
    plan = fixture_plan("full", fixture_stacks("full")[0])
    record = next(r for r in plan.resources if r.type == type_token)
    inputs = copy.deepcopy(record.inputs)
    change(inputs)
    changed = [dataclasses.replace(r, inputs=inputs) if r is record else r for r in plan.resources]
    return Plan(stack=plan.stack, resources=changed), record.urn


CLIENT, TENANT = "auth0:index/client:Client", "auth0:index/tenant:Tenant"
CONNECTION, PROMPT = "auth0:index/connection:Connection", "auth0:index/prompt:Prompt"
LOG_STREAM, ACTION = "auth0:index/logStream:LogStream", "auth0:index/action:Action"


def _options(**values):
    return lambda i: i.setdefault("options", {}).update(values)


@pytest.mark.parametrize(("type_token", "change", "expected"), [
    (CLIENT, lambda i: i.update(appType="webapp"), "appType: one of native, spa"),
    (CLIENT, lambda i: i.update(addons={"aws": {"lifetimeInSeconds": 60}}),
     "addons.aws.lifetimeInSeconds: an integer from 900 to 43200"),
    (TENANT, lambda i: i.update(sessionLifetime=0), "sessionLifetime: a number of at least 0.01"),
    (CLIENT, lambda i: i.update(description="x" * 141), "description: a string of 0 to 140 characters"),
    (CLIENT, lambda i: i.update(initiateLoginUri="http://app.example/login"),
     "initiateLoginUri: an https:// URL or an empty string"),
    (CONNECTION, _options(pingFederateBaseUrl="ftp://idp.example"), "options.pingFederateBaseUrl: an http:// or"),
    (CONNECTION, _options(fieldsMap="{not json"), "options.fieldsMap: a JSON string"),
    (CONNECTION, lambda i: i.update(metadata={"note": "x" * 256}), "metadata: map values of 0 to 255 characters"),
    (CONNECTION, _options(metadataXml="<xml/>", metadataUrl="https://idp.example/metadata"),
     "options.{metadataXml,metadataUrl}: only one of metadataXml, metadataUrl"),
    (PROMPT, lambda i: [i.pop(k, None) for k in ("universalLoginExperience", "identifierFirst",
                                                 "webauthnPlatformFirstFactor")],
     "{universalLoginExperience,identifierFirst,webauthnPlatformFirstFactor}: at least one of"),
    (LOG_STREAM, lambda i: i["sink"].pop("datadogApiKey"), "datadogRegion together with datadogApiKey"),
    ("auth0:index/brandingTheme:BrandingTheme", lambda i: i["fonts"]["title"].update(size=50),
     "fonts.title.size: a number from 75 to 150 (got 50)"),
    ("auth0:index/phoneProvider:PhoneProvider", lambda i: i["configuration"].update(defaultFrom="+15550100"),
     "configuration.{defaultFrom,mssid}: only one of defaultFrom, mssid"),
    ("auth0:index/attackProtection:AttackProtection",
     lambda i: i.update(bruteForceProtection={"shields": ["block", "admin_notification"]}),
     "bruteForceProtection.shields: one of block, user_notification (got 'admin_notification')"),
    (ACTION, lambda i: i.update(supportedTriggers=[i["supportedTriggers"], i["supportedTriggers"]]),
     "supportedTriggers: at most 1 item(s) (got 2)"),
    (ACTION, lambda i: i.update(supportedTriggers=[]), "supportedTriggers: at least 1 item(s) (got 0)"),
])
def test_each_rule_kind_names_the_value_the_provider_refuses(type_token, change, expected):
    plan, urn = _changed(type_token, change)
    found = violations(plan)
    assert any(line.startswith(f"{urn}: ") and expected in line for line in found), f"{expected!r} not in {found}"


def test_exactly_one_of_and_pattern_rules_work_on_any_table():
    plan, urn = _changed(CLIENT, lambda i: i.update(name="bad<name>"))
    rules = (Rule(CLIENT, "", "exactly_one_of", ["logoUri", "formTemplate"], "test"),
             Rule(CLIENT, "name", "matches", (r"[^<>]+", "no < or >"), "test"))
    found = violations(plan, rules)
    assert f"{urn}: {{logoUri,formTemplate}}: exactly one of logoUri, formTemplate (set: none) [test]" in found
    assert any(line.startswith(f"{urn}: name: no < or >") for line in found), found


def test_secret_and_computed_stand_ins_pass_value_rules_and_count_as_set():
    def change(inputs):
        inputs.update(appType="[computed]", description="[secret]", initiateLoginUri="[computed]")
    plan, _urn = _changed(CLIENT, change)
    assert violations(plan) == []
    plan, _urn = _changed(LOG_STREAM, lambda i: i["sink"].update(datadogApiKey="[secret]"))
    assert violations(plan) == []


def _model_problems(tmp_path, tenant: str, edit) -> str:
    project = fixture_project(tenant, tmp_path)
    data = project.blueprint()
    edit(data)
    project.write_blueprint(data)
    return "\n".join(project.problems(fixture_stacks(tenant)[0]))


@pytest.mark.parametrize(("tenant", "edit", "key"), [
    ("full", lambda d: d["applications"]["booking"].update(description="x" * 141), "applications.booking.description"),
    ("full", lambda d: d["branding"]["theme"].setdefault("fonts", {}).setdefault("title", {}).update(size=50),
     "branding.theme.fonts.title.size"),
    ("b2b-complete", lambda d: d["self_service_sso_profiles"]["partner-onboarding"].update(name="x" * 101),
     "self_service_sso_profiles.partner-onboarding.name"),
    ("b2b-complete", lambda d: d["self_service_sso_profiles"]["partner-onboarding"]["user_attributes"].update(
        {f"attr_{n}": {"description": "an attribute"} for n in range(20)}),
     "self_service_sso_profiles.partner-onboarding.user_attributes"),
])
def test_the_model_refuses_what_the_provider_would_refuse_at_preview(tmp_path, tenant, edit, key):
    message = _model_problems(tmp_path, tenant, edit)
    assert key in message and "tenant.yaml" in message, message
