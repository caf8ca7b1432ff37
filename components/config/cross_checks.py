"""Cross-references of the sign-in sections: every key one section names must exist in another.

Each check takes the validated `Blueprint` and yields (dotted key path, message); the loader maps the path
to file and line. They run before anything is registered.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

Problems = Iterable[tuple[str, str]]


def _known(kind: str, key: str, known: Iterable[str]) -> str:
    listed = ", ".join(sorted(known)) or "none"
    return f"unknown {kind} '{key}' (defined: {listed})"


def _scopes_exist(blueprint: "Blueprint", path: str, api_key: str, scopes: list[str]) -> Problems:
    if api_key not in blueprint.apis:
        yield path, _known("API", api_key, blueprint.apis)
        return
    defined = blueprint.apis[api_key].scopes
    for index, scope in enumerate(scopes):
        if scope not in defined:
            yield f"{path}.{index}", f"API '{api_key}' has no scope '{scope}' (scopes: {', '.join(defined) or 'none'})"


def grants_name_known_apis_and_scopes(blueprint: "Blueprint") -> Problems:
    for app_key, application in blueprint.applications.items():
        for api_key, grant in application.grants.items():
            path = f"applications.{app_key}.grants.{api_key}" + ("" if isinstance(grant, list) else ".scopes")
            scopes = grant if isinstance(grant, list) else grant.scopes
            yield from _scopes_exist(blueprint, path, api_key, scopes)


def role_permissions_name_known_scopes(blueprint: "Blueprint") -> Problems:
    for role_key, role in blueprint.roles.items():
        for api_key, scopes in role.permissions.items():
            yield from _scopes_exist(blueprint, f"roles.{role_key}.permissions.{api_key}", api_key, scopes)


def connections_enable_known_applications(blueprint: "Blueprint") -> Problems:
    for connection_key, connection in blueprint.connections.items():
        for index, app_key in enumerate(connection.enabled_applications):
            if app_key not in blueprint.applications:
                yield (f"connections.{connection_key}.enabled_applications.{index}",
                       _known("application", app_key, blueprint.applications))


def connection_names_are_valid_and_unique(blueprint: "Blueprint") -> Problems:
    seen: dict[str, str] = {}
    for key, connection in blueprint.connections.items():
        name = connection.name or key
        if connection.name is None and "_" in key:
            yield f"connections.{key}", "Auth0 connection names allow no '_'; rename the key or set name"
        if name.lower() in seen:
            yield f"connections.{key}", f"connection name '{name}' is also used by connections.{seen[name.lower()]}"
        seen.setdefault(name.lower(), key)


def api_identifiers_are_unique(blueprint: "Blueprint") -> Problems:
    seen: dict[str, str] = {}
    for key, api in blueprint.apis.items():
        if api.identifier in seen:
            yield f"apis.{key}.identifier", f"identifier '{api.identifier}' is also used by apis.{seen[api.identifier]}"
        seen.setdefault(api.identifier, key)


def express_configurations_name_known_keys(blueprint: "Blueprint") -> Problems:
    for app_key, application in blueprint.applications.items():
        express = application.express_configuration
        if express is None:
            continue
        path = f"applications.{app_key}.express_configuration"
        if express.user_attribute_profile not in blueprint.user_attribute_profiles:
            yield (f"{path}.user_attribute_profile",
                   _known("user attribute profile", express.user_attribute_profile, blueprint.user_attribute_profiles))
        for index, linked in enumerate(express.linked_clients):
            other = blueprint.applications.get(linked)
            if other is None:
                yield f"{path}.linked_clients.{index}", _known("application", linked, blueprint.applications)
            elif linked == app_key or other.express_configuration is not None:
                yield f"{path}.linked_clients.{index}", (f"'{linked}' has its own express_configuration; link "
                                                         "only the product's other clients")


SIGN_IN_CHECKS = [
    grants_name_known_apis_and_scopes,
    role_permissions_name_known_scopes,
    connections_enable_known_applications,
    connection_names_are_valid_and_unique,
    api_identifiers_are_unique,
    express_configurations_name_known_keys,
]
