/**
 * Auth0 custom-database "Get User" script: does the legacy store know this email?
 *
 * Auth0 calls it on sign-up (to refuse an email the legacy store already holds), on password reset (so a
 * user not yet migrated can reset and be migrated), and when a user's email is looked up.
 *
 * configuration: LEGACY_API_URL, LEGACY_API_KEY (secrets in the stack; see login.js).
 *
 * Legacy API contract: GET {LEGACY_API_URL}/users?email=<email>
 *   200 {id, email, email_verified, given_name, family_name, name}; 404 unknown user.
 */
function getByEmail(email, callback) {
  // Answer Auth0 once, even if the callback itself throws inside the promise chain.
  let answered = false;
  function reply(error, user) {
    if (answered) return;
    answered = true;
    callback(error, user);
  }
  const url = configuration.LEGACY_API_URL.replace(/\/+$/, '') + '/users?email=' + encodeURIComponent(email);

  fetch(url, {
    method: 'GET',
    headers: { Authorization: 'Bearer ' + configuration.LEGACY_API_KEY },
    signal: AbortSignal.timeout(5000),
  })
    .then(function (response) {
      if (response.status === 404) {
        return reply(null); // no such user: Auth0 carries on (sign-up allowed, reset refused)
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
