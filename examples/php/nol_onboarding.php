<?php
/**
 * numbers.online onboarding of one business number, from a partner's own admin:
 *
 *  1. sign up an account for the customer (its key is shown once: store it),
 *  2. send a one-time code to the number, 3. confirm it (the number is now bound to the account),
 *  4. stage the business profile, 5. upload the logo,
 *  6. mint the verification checkout link (the customer pays on the hosted page),
 *  7. poll until the listing is verified, then show the trust grade and the live risk.
 *
 * The sandbox's OTP provider returns the code in its answer (dev_code) and its payment provider
 * settles a checkout at the first status read; against the real service the code is read from
 * standard input.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/nol_onboarding.php
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

const NUMBER = '+14155550142';
// The logo: a 1x1 PNG.
const LOGO_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg==';

try {
    $partner = PhoneCom::fromEnv();

    // 1. A keyless sign-up; then act with the new account's own key.
    $signup = $partner->call('nol.accountSignup', ['name' => 'Acme Plumbing (portal customer 12345)']);
    echo "step 1: signed up account {$signup['account']['id']} with key {$signup['key_prefix']}… (store it: shown once)\n";
    $acme = $partner->withNolKey($signup['api_key']);

    // 2-3. Prove the customer holds the number.
    $sent = $acme->call('nol.accountVerifyPhoneStart', ['phone' => NUMBER, 'channel' => 'sms']);
    echo 'step 2: sent a one-time code to ', NUMBER, " by SMS\n";
    $code = $sent['dev_code'] ?? trim((string)readline('code the number received: '));
    $bound = $acme->call('nol.accountVerifyPhoneConfirm', ['phone' => NUMBER, 'code' => (string)$code]);
    echo "step 3: {$bound['verified_phone']} is bound to the account\n";

    // 4. The business profile (a personal listing refuses the business-only fields).
    $staged = $acme->call('nol.putAccountListing', [
        'e164' => NUMBER,
        'kind' => 'business',
        'dba' => 'Acme Plumbing',
        'legal_name' => 'Acme Plumbing LLC',
        'ein' => '12-3456789',
        'industry' => 'Home services',
        'address' => '1 Main St, Austin TX',
        'website' => 'https://acme.example',
        'bio' => 'Licensed plumbers, same-day service.',
    ]);
    echo "step 4: staged the business profile \"Acme Plumbing\" (state {$staged['state']})\n";

    // 5. The logo, base64 in the parameters; type and size are checked before sending.
    $logo = $acme->call('nol.uploadListingLogo', ['e164' => NUMBER, 'file' => ['filename' => 'logo.png', 'content_base64' => LOGO_PNG_BASE64]]);
    echo "step 5: uploaded the logo ({$logo['byte_size']} bytes, {$logo['content_type']})\n";

    // 6. The payment link: open it in a new tab for the customer.
    $checkout = $acme->call('nol.verifyCheckout', ['e164' => NUMBER]);
    echo "step 6: checkout for \${$checkout['amount_usd']}: the customer pays at {$checkout['url']}\n";

    // 7. Poll (with a growing pause) until the listing is verified, for up to 30 minutes.
    $pause = 0.2;
    $deadline = microtime(true) + 30 * 60;
    for ($reads = 1; ; $reads++) {
        $status = $acme->call('nol.getAccountListing', ['e164' => NUMBER]);
        if ($status['state'] === 'verified') {
            break;
        }
        if (microtime(true) + $pause > $deadline) {
            throw new RuntimeException("not verified yet (state {$status['state']}): poll again later");
        }
        usleep((int)($pause * 1e6));
        $pause = min($pause * 1.5, 5.0);
    }
    echo "step 7: verified after $reads status read(s): trust grade {$status['trust_grade']}, ",
        "live risk {$status['risk']['score']} of 100 ({$status['risk']['report_count']} reports)\n";
    echo "        public listing \"{$status['listing']['name']}\" at {$status['listing']['public_url']}\n";
    echo "done\n";
} catch (PhoneComException | RuntimeException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
