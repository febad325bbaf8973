'use strict';
// Canonical operation names to JavaScript names: each segment after the family in camelCase.
//   v4.create-account-subaccount -> v4.createAccountSubaccount
//   xml.getCallList              -> xml.getCallList
//   v1.menus.create              -> v1.menus.create
//   oauth.user-token             -> oauth.userToken

/** `create-account-subaccount` / `list_items` -> `createAccountSubaccount` / `listItems`. */
function camel(segment) {
  return segment.replace(/[-_]+([A-Za-z0-9])/g, (_, c) => c.toUpperCase());
}

/** `v4.create-account-subaccount` -> `['v4', 'createAccountSubaccount']`. */
function jsPath(name) {
  const [family, ...rest] = name.split('.');
  return [family, ...rest.map(camel)];
}

/** `create-account-subaccount` -> `CreateAccountSubaccount`. */
function pascal(segment) {
  const c = camel(segment);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

module.exports = { camel, jsPath, pascal };
