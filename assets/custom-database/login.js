/**
 * Auth0 custom-database "Login" script: lazy migration from the legacy user API.
 *
 * Auth0 calls it when a user of the migration connection signs in and is not yet in Auth0. With import
 * mode on, a user it returns is copied into Auth0 with the password just typed, and this script is never
 * called for that user again.
 *
 * configuration (set as secrets in the stack, never in this file):
 *   LEGACY_API_URL  base URL of the legacy user API, e.g. https://legacy.acme.example/api
 *   LEGACY_API_KEY  bearer token the legacy API accepts from Auth0
 *
 * Legacy API contract: POST {LEGACY_API_URL}/authenticate {email, password}
 *   200 {id, email, email_verified, given_name, family_name, name}; 401 wrong password; 404 unknown user.
 */
function login(email, password, callback) {
  // Answer Auth0 once, even if the callback itself throws inside the promise chain.
  let answered = false;
  function reply(error, user) {
    if (answered) return;
    answered = true;
    callback(error, user);
  }
  const url = configuration.LEGACY_API_URL.replace(/\/+$/, '') + '/authenticate';

  fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Bearer ' + configuration.LEGACY_API_KEY,
    },
    body: JSON.stringify({ email: email, password: password }),
    signal: AbortSignal.timeout(5000),
  })
    .then(function (response) {
      // Unknown user and wrong password read the same, so the login form does not reveal who has an account.
      if (response.status === 401 || response.status === 404) {
        return reply(new WrongUsernameOrPasswordError(email, 'wrong email or password'));
      }
      if (response.status !== 200) {
        return reply(new Error('legacy user API answered ' + response.status));
      }
      return response.json().then(function (user) {
        reply(null, {
          user_id: String(user.id),
          email: user.email,
          email_verified: Boolean(user.email_verified),
          given_name: user.given_name,
          family_name: user.family_name,
          name: user.name,
        });
      });
    })
    .catch(function (error) {
      reply(new Error('legacy user API unreachable: ' + error.message));
    });
}
