/**
 * Post-login Action: adds namespaced claims (roles, chosen app_metadata and user_metadata fields)
 * to the ID and access tokens.
 *
 * CONFIG is written at deploy time from tenant.yaml (`actions.<key>.claims`), so which claims a
 * token carries is reviewed in the blueprint, not hidden in code or in Action secrets.
 */
const CONFIG = /* ciam:config */ {};

/** The claim name prefix: the namespace, ending in exactly one "/". */
function claimPrefix(namespace) {
  return namespace.endsWith('/') ? namespace : `${namespace}/`;
}

function present(value) {
  return value !== undefined && value !== null;
}

/** The claims for this login as { name: value }; a field the user does not have is left out. */
function claimsFor(event, claims) {
  const result = {};
  if (!claims || !claims.namespace) return result;
  const prefix = claimPrefix(claims.namespace);
  const user = (event && event.user) || {};

  if (claims.roles) {
    // An empty list (not a missing claim) when RBAC gives no roles, so apps can rely on the shape.
    const roles = event && event.authorization && event.authorization.roles;
    result[`${prefix}roles`] = Array.isArray(roles) ? roles : [];
  }
  for (const [source, fields] of [['app_metadata', claims.app_metadata], ['user_metadata', claims.user_metadata]]) {
    const metadata = user[source] || {};
    for (const field of fields || []) {
      if (present(metadata[field])) result[`${prefix}${field}`] = metadata[field];
    }
  }
  return result;
}

exports.onExecutePostLogin = async (event, api, config = CONFIG) => {
  const claims = config && config.claims;
  const tokens = (claims && claims.tokens) || ['id_token', 'access_token'];
  for (const [name, value] of Object.entries(claimsFor(event, claims))) {
    if (tokens.includes('id_token')) api.idToken.setCustomClaim(name, value);
    if (tokens.includes('access_token')) api.accessToken.setCustomClaim(name, value);
  }
};

exports.claimsFor = claimsFor;
