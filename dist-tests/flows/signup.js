// The README's first Node program: the partner sign-up flow against the sandbox the package ships.
const { Client } = require('phonecom');
const { start } = require('phonecom/sandbox');

const contact = { name: 'Ada Lovelace', phone: '+15555550001', primary_email: 'ada@example.com',
  address: { line_1: '411 Elm', city: 'Dallas', province: 'TX', postal_code: '75202', country: 'US' } };
(async () => {
  const sandbox = await start();
  try {
    const partner = new Client(sandbox.config);
    const done = await partner.express.signup({ partner: 'acme', user_id: '12345', contact });
    console.log(`step 1: created subaccount ${done.username} id ${done.account.id}`);
    console.log(`step 2: got the user's token, expires in ${done.token.expires_in} s`);
    const user = partner.withV4Token(done.token.access_token, done.account.id);
    const found = await user.v4.listAvailablePhoneNumbers({ filters: { npa: 'eq:858' }, sort: { price: 'asc' }, limit: 3 });
    console.log(`step 3: ${found.total} numbers in NPA 858; cheapest ${found.items[0].phone_number}`);
    const bought = await user.v4.createAccountPhoneNumber({ phone_number: found.items[0].phone_number });
    console.log(`step 4: bought ${bought.phone_number} for account ${done.account.id}`);
  } finally {
    await sandbox.stop();
  }
})();
