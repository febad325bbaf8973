<?php
/**
 * The partner sign-up flow in PHP, end to end:
 *
 *   1. sign up portal user 12345 (create the subaccount `acme-12345` with a contact),
 *   2. get the user's token (what the Express front-end library's getAccessCallback returns),
 *   3. search numbers in NPA 858 under $149.00, cheapest first,
 *   4. buy the cheapest for the user's account.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/signup_flow.php (a config document, e.g. the
 * sandbox's line), or with the PHONECOM_* environment variables. PHONECOM_LIB names the library.
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

try {
    $path = getenv('PHONECOM_CONFIG');
    $partner = $path ? PhoneCom::fromJson((string)file_get_contents($path)) : PhoneCom::fromEnv();

    $done = $partner->call('express.signup', [
        'partner' => 'acme',
        'user_id' => '12345',
        'contact' => [
            'name' => 'Ada Lovelace',
            'company' => 'Book Depository',
            'address' => ['line_1' => '411 Elm, st.', 'city' => 'Dallas', 'province' => 'TX', 'postal_code' => '75202', 'country' => 'US'],
            'phone' => '+15555550001',
            'primary_email' => 'ada@example.com',
        ],
    ]);
    $accountId = (int)$done['account']['id'];
    echo "step 1: created subaccount {$done['username']} (id $accountId) for portal user 12345\n";
    // Store $done['password'] for the user: it is returned only once.
    $token = $done['token'];
    echo "step 2: got the user's token ({$token['token_type']}, expires in {$token['expires_in']}s)\n";

    $user = $partner->withV4Token($token['access_token'], $accountId);
    $page = $user->call('v4.list-available-phone-numbers', [
        'filters' => ['npa' => 'eq:858', 'price' => 'lt:149'],
        'sort' => ['price' => 'asc'],
        'limit' => 5,
    ]);
    echo "step 3: {$page['total']} numbers in NPA 858 under \$149.00; the cheapest:\n";
    foreach ($page['items'] as $n) {
        printf("        %s %-14s %s\n", $n['phone_number'], $n['city'] ?? '', priceText($n['price'] ?? null));
    }
    if (!$page['items']) {
        throw new RuntimeException('no number in NPA 858 under $149.00');
    }
    $cheapest = $page['items'][0]['phone_number'];
    $bought = $user->call('v4.create-account-phone-number', ['phone_number' => $cheapest, 'name' => 'Main line']);
    echo "step 4: bought {$bought['phone_number']} (number id {$bought['id']}) for account $accountId\n";
    echo "done\n";
} catch (PhoneComException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}

/** A v4 price as a person reads it: the one-time price in whole US dollars, where 0 means no
 *  one-time price (printed bare, "$0" looked like a price that failed to parse) and
 *  "REQUEST_QUOTE" a price given on request. */
function priceText(mixed $price): string
{
    if ($price === 0) {
        return 'free (no one-time price)';
    }
    if ($price === 'REQUEST_QUOTE') {
        return 'price on request';
    }
    return "\$$price.00 one-time";
}
