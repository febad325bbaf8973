/**
 * The portal flows in TypeScript, typed by the generated index.d.ts: sign a user up, search and
 * buy a number, walk lists, and handle errors by kind. Checked by `tsc --noEmit --strict`
 * (node/tests/run.sh) and run by node/tests/examples.test.js after compiling.
 */
import {
  Client,
  PhoneComError,
  RateLimitedError,
  ValidationError,
  express,
  numbers,
  type AvailableNumbersFull,
  type NolAccountSignupResponse,
  type XmlCallRecord,
  type ExpressContact,
  type Signup,
} from 'phonecom';
import { readFileSync } from 'node:fs';

/** Sign a portal user up and buy the cheapest local number in `npa` for them. */
export async function signUpAndBuy(
  client: Client,
  userId: string,
  contact: ExpressContact,
  npa: string,
): Promise<{ signup: Signup; number: string }> {
  const signup = await client.express.signup({ partner: 'acme', user_id: userId, contact: express.validateContact(contact) });
  const page = await client.v4.listAvailablePhoneNumbers({
    filters: { npa: `eq:${npa}`, category: 'eq:local' },
    sort: { price: 'asc' },
    limit: 1,
  });
  const cheapest: AvailableNumbersFull | undefined = page.items?.[0] ?? undefined;
  if (!cheapest?.phone_number) throw new Error(`no number left in ${npa}`);
  const bought = await client.v4.createAccountPhoneNumber({
    account_id: signup.account.id ?? undefined,
    phone_number: numbers.normalize(cheapest.phone_number),
    name: `${signup.username} main line`,
  });
  return { signup, number: bought.phone_number ?? cheapest.phone_number };
}

/** Every available number of an area code under a price, walking all pages. */
export async function affordable(client: Client, npa: string, maxPrice: number): Promise<string[]> {
  const found: string[] = [];
  for await (const n of client.v4.listAvailablePhoneNumbers.iterate({ filters: { npa: `eq:${npa}`, price: `lt:${maxPrice}` }, limit: 100 })) {
    if (n.phone_number) found.push(n.phone_number);
  }
  return found;
}

/** Every call of the last day from the XML API, walked past its 500-row cap. */
export async function lastDayCalls(client: Client): Promise<XmlCallRecord[]> {
  const now = Math.floor(Date.now() / 1000);
  const calls: XmlCallRecord[] = [];
  for await (const call of client.xml.getCallList.iterate({ startTime: now - 86_400, endTime: now })) {
    calls.push(call);
  }
  return calls;
}

/**
 * numbers.online onboarding: a keyless sign-up, then a client acting with the new key (sharing
 * this client's pool, timeouts and log hook). The key is shown only once: store it first.
 */
export async function nolSignup(client: Client, name: string): Promise<{ signup: NolAccountSignupResponse; name: string | null | undefined; balance: number | null | undefined }> {
  const signup = await client.nol.accountSignup({ name, email: 'ops@acme.test' });
  if (!signup.api_key) throw new Error('no key in the sign-up answer');
  const own = client.withNolKey(signup.api_key);
  const account = await own.nol.getAccount();
  return { signup, name: account.account?.name, balance: account.account?.balance_micros };
}

/** A REST v1 menu on the first route (v1 results are JSON values: narrow them). */
export async function v1Menu(client: Client): Promise<string> {
  const routes = await client.v1.routes.list();
  const first = Array.isArray(routes) ? routes[0] : undefined;
  const route = first && typeof first === 'object' && !Array.isArray(first) ? first['resource_id'] : undefined;
  if (typeof route !== 'string') throw new Error('no route');
  const created = await client.v1.menus.create({ name: 'Main menu', digits: [{ digit: 1, route }] });
  return created && typeof created === 'object' && !Array.isArray(created) ? String(created['resource_id']) : '';
}

/** A call with the library's errors handled by kind. */
export async function accountName(client: Client): Promise<string> {
  try {
    const account = await client.v4.getAccount({}, { attemptTimeoutMs: 5000 });
    return account.name ?? '(unnamed)';
  } catch (e) {
    if (e instanceof RateLimitedError) return `rate limited; retry in ${e.retryAfter ?? 1} s`;
    if (e instanceof ValidationError) return `bad input: ${e.fields.map((f) => `${f.field} ${f.message}`).join('; ')}`;
    if (e instanceof PhoneComError) return `${e.code} (request ${e.requestId ?? 'none'})`;
    throw e;
  }
}

/** The generic entry point is typed too: the result of `v4.get-account` is an AccountFull. */
export async function byName(client: Client): Promise<number | null | undefined> {
  const account = await client.call('v4.get-account');
  const withMeta = await client.callWith('v4.list-account-subaccounts', { limit: 5 });
  return withMeta.data.total ?? account.id;
}

async function main(): Promise<void> {
  // PHONECOM_CONFIG names a config file (its JSON text works too), as in the other examples.
  const config = process.env.PHONECOM_CONFIG;
  const client = config
    ? new Client(config.trimStart().startsWith('{') ? config : readFileSync(config, 'utf8'))
    : Client.fromEnv();
  const contact: ExpressContact = {
    name: 'Ada Lovelace',
    address: { line_1: '411 Elm St', city: 'Dallas', province: 'TX', postal_code: '75202', country: 'US' },
    phone: '+15555550001',
    primary_email: 'ada@example.com',
  };
  const { signup, number } = await signUpAndBuy(client, process.env.PORTAL_USER ?? 'ts-1', contact, '858');
  const cheap = await affordable(client, '619', 100);
  const nol = await nolSignup(client, 'Acme Dental');
  const menu = await v1Menu(client);
  console.log(
    JSON.stringify({
      username: signup.username,
      number,
      affordable619: cheap.length,
      account: await accountName(client),
      total: await byName(client),
      nolAccount: nol.name,
      nolBalance: nol.balance,
      menu,
    }),
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
