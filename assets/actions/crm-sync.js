/**
 * Post-user-registration Action: tells the CRM about a new user.
 *
 * CONFIG (`actions.<key>.config`: endpoint, timeout_ms) is written at deploy time from tenant.yaml;
 * the API key comes from the Action secret CRM_API_KEY. Registration has already succeeded when this
 * runs, so a CRM failure is logged, never thrown.
 */
const CONFIG = /* ciam:config */ {};

exports.onExecutePostUserRegistration = async (event, api, config = CONFIG, fetchImpl = globalThis.fetch) => {
  const apiKey = event.secrets && event.secrets.CRM_API_KEY;
  if (!config.endpoint || !apiKey) {
    console.log('crm-sync: no endpoint or CRM_API_KEY configured; skipped');
    return;
  }
  const user = event.user || {};
  try {
    const response = await fetchImpl(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ user_id: user.user_id, email: user.email, created_at: user.created_at }),
      signal: AbortSignal.timeout(config.timeout_ms || 5000),
    });
    if (!response.ok) console.log(`crm-sync: CRM answered ${response.status}`);
  } catch (error) {
    console.log(`crm-sync: CRM not reached: ${error.message}`);
  }
};
