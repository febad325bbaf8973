<?php
// The README's first PHP program: the partner sign-up flow against the sandbox the package ships.
require __DIR__ . '/vendor/autoload.php';

$contact = ['name' => 'Ada Lovelace', 'phone' => '+15555550001', 'primary_email' => 'ada@example.com',
    'address' => ['line_1' => '411 Elm', 'city' => 'Dallas', 'province' => 'TX', 'postal_code' => '75202', 'country' => 'US']];
$sandbox = PhoneCom\Sandbox::start();
$partner = PhoneCom\PhoneCom::fromJson($sandbox->configJson());
$done = $partner->call('express.signup', ['partner' => 'acme', 'user_id' => '12345', 'contact' => $contact]);
echo "step 1: created subaccount {$done['username']} id {$done['account']['id']}\n";
echo "step 2: got the user's token, expires in {$done['token']['expires_in']} s\n";
$user = $partner->withV4Token($done['token']['access_token'], (int)$done['account']['id']);
$found = $user->call('v4.list-available-phone-numbers', ['filters' => ['npa' => 'eq:858'], 'sort' => ['price' => 'asc'], 'limit' => 3]);
echo "step 3: {$found['total']} numbers in NPA 858; cheapest {$found['items'][0]['phone_number']}\n";
$bought = $user->call('v4.create-account-phone-number', ['phone_number' => $found['items'][0]['phone_number']]);
echo "step 4: bought {$bought['phone_number']} for account {$done['account']['id']}\n";
