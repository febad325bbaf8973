'use strict';
// Every form a secret takes on the wire or in a body, and a check that a text holds none of
// them: raw, URL- and form-encoded, JSON- and XML-escaped, base64, and (with its user name)
// base64 Basic auth. The same list as the Python (conftest.secret_forms) and C (harness.c) suites.

/** `{form name: text}` for one secret. */
function secretForms(secret, user) {
  const b64 = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '');
  const forms = {
    raw: secret,
    'URL-encoded': encodeURIComponent(secret).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    'form-encoded': new URLSearchParams({ s: secret }).toString().slice(2),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    'XML-escaped': secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
    base64: b64(secret),
  };
  if (user !== undefined && user !== null) forms['Basic auth'] = b64(`${user}:${secret}`);
  return forms;
}

/** The secrets of a config document, each `[secret, user it is sent with]`. */
function configSecrets(config) {
  return [
    [config.v4.token],
    [config.xml.password, config.xml.username],
    [config.v1.api_key],
    [config.v1.password, config.v1.api_key],
    [config.nol.api_key],
  ];
}

/** Which form of which secret `text` holds (empty when none). */
function leaks(text, secrets) {
  const found = [];
  for (const [secret, user] of secrets) {
    for (const [name, form] of Object.entries(secretForms(secret, user))) {
      if (text.includes(form)) found.push(`${name} form of ${JSON.stringify(secret)}`);
    }
  }
  return found;
}

module.exports = { secretForms, configSecrets, leaks };
