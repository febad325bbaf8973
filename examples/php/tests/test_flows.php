<?php
/** Against the sandbox: sign-up, number search and purchase, paging, the log callback. */

declare(strict_types=1);

use PhoneCom\PhoneCom;

test('flow: sign-up, then search and buy a number as the user', function () {
    $partner = client();
    $done = $partner->call('express.signup', ['partner' => 'acme', 'user_id' => 'php-1001', 'contact' => CONTACT]);
    check($done['username'] === 'acme-php-1001', 'user name');
    check($done['recovered'] === false, 'created, not recovered');
    check(is_string($done['password']) && strlen($done['password']) === 32, 'generated password returned once');
    $token = $done['token']['access_token'] ?? '';
    $accountId = (int)$done['account']['id'];
    check($token !== '' && $accountId > 0, 'token and account');

    $user = $partner->withV4Token($token, $accountId);
    $page = $user->call('v4.list-available-phone-numbers', ['filters' => ['npa' => 'eq:858', 'price' => 'lt:149'], 'sort' => ['price' => 'asc'], 'limit' => 5]);
    $prices = array_column($page['items'], 'price');
    check(count($prices) === 5, 'five numbers');
    $sorted = $prices;
    sort($sorted);
    check($prices === $sorted && max($prices) < 149, 'cheapest first, under 149: ' . json_encode($prices));
    $number = $page['items'][0]['phone_number'];
    $bought = $user->call('v4.create-account-phone-number', ['phone_number' => $number, 'name' => 'Main line', 'block_anonymous' => true]);
    check($bought['phone_number'] === $number, 'bought');
    $mine = array_column(iterator_to_array($user->items('v4.list-account-phone-numbers'), false), 'phone_number');
    check(in_array($number, $mine, true), 'the account has it');
    $left = $user->call('v4.list-available-phone-numbers', ['filters' => ['phone_number' => "eq:$number"]]);
    check($left['items'] === [], 'it left the inventory');

    // The user's token acts on the user's account only.
    $e = expect(\PhoneCom\PermissionDeniedException::class, fn () => $user->call('v4.get-account', ['account_id' => account_id()]));
    check($e?->httpStatus === 403, '403');
    check(!str_contains(json_encode($e?->error), $token), 'user token masked');
    // The same portal user again: a conflict that says what to do, not created twice.
    $e = expect(\PhoneCom\ConflictException::class, fn () => $partner->call('express.signup', ['partner' => 'acme', 'user_id' => 'php-1001', 'contact' => CONTACT]));
    check(str_contains((string)$e?->getMessage(), 'already signed up'), 'says it is already signed up');
});

test('flow: numbers.online sign-up, then act with the new key', function () {
    $parent = client();
    $signup = $parent->call('nol.accountSignup', ['name' => 'PHP softphone', 'email' => 'ops@php.example']);
    $key = $signup['api_key'];
    check(is_string($key) && str_starts_with($key, 'nol_'), 'a key, shown once');

    $acme = $parent->withNolKey($key);
    check($acme->call('nol.getAccount')['account']['name'] === 'PHP softphone', 'the new account');
    // The key is masked in the derived client's errors (the refusal quotes the value) and dumps.
    $e = expect(\PhoneCom\ValidationException::class, fn () => $acme->call('nol.getAccountListing', ['e164' => $key]));
    check($e !== null && !str_contains($e->getMessage(), $key) && str_contains($e->getMessage(), '***'), 'key masked in the message');
    check(!str_contains(json_encode($e?->error), $key), 'key masked in the error');
    check(!str_contains(print_r($acme, true), $key), 'key not in print_r');
    // The parent still acts as its own account.
    check($parent->call('nol.getAccount')['account']['name'] !== 'PHP softphone', 'parent unaffected');
    // Empty and too-short keys are refused, naming the argument.
    foreach (['', 'abc'] as $bad) {
        $e = expect(\PhoneCom\ValidationException::class, fn () => $parent->withNolKey($bad));
        check(($e?->fields[0]['field'] ?? null) === 'key', "refused: '$bad'");
    }
});

test('flow: a list walked to its end, page by page', function () {
    $pc = client();
    $total = $pc->call('v4.list-available-phone-numbers', ['limit' => 1])['total'];
    $rows = 0;
    $pages = 0;
    $seen = [];
    foreach ($pc->pages('v4.list-available-phone-numbers', ['limit' => 250]) as $page) {
        check($page['offset'] === $rows && $page['limit'] === 250, 'offset and limit');
        foreach ($page['items'] as $row) {
            $seen[$row['phone_number']] = true;
        }
        $rows += count($page['items']);
        $pages++;
    }
    check($rows === $total && count($seen) === $total, "every row once ($rows of $total)");
    check($pages === intdiv($total + 249, 250), "pages: $pages");
    // Lazy: taking three rows fetches one page.
    $taken = 0;
    foreach ($pc->items('v4.list-available-phone-numbers', ['limit' => 10]) as $row) {
        if (++$taken === 3) {
            break;
        }
    }
    check($taken === 3, 'lazy items');
    expect(\PhoneCom\ValidationException::class, fn () => iterator_to_array($pc->pages('v4.get-account')));
});

test('flow: the log callback sees every attempt, secrets masked', function () {
    $events = [];
    $pc = client([], function (array $event) use (&$events) {
        $events[] = $event;
    });
    $pc->call('v4.get-account');
    fault('GET', '/v4/accounts/' . account_id() . '/sms', 'status=503', 1);
    $pc->call('v4.list-account-sms');
    $kinds = array_count_values(array_column($events, 'kind'));
    check(($kinds['request'] ?? 0) === 3 && ($kinds['response'] ?? 0) >= 2, 'events ' . json_encode($kinds));
    check(!str_contains(json_encode($events), sandbox_config()['v4']['token']), 'token never in events');
    check(str_contains($pc->userAgent(), '(php; '), 'binding php');
});
