<?php
/** Per-call options, the raw exchange (callWithResponse, lastResponse, the debug log) and fromEnv, against the sandbox. */

declare(strict_types=1);

use PhoneCom\PhoneCom;

test('exchange: callWith options override the client for one call', function () {
    $pc = client();
    fault('GET', sms_path(), 'status=503', 1);
    $e = expect(\PhoneCom\ServerException::class, fn () => $pc->callWith('v4.list-account-sms', [], ['max_attempts' => 1]));
    check($e?->attempts === 1, 'one attempt: ' . $e?->attempts);
    fault('GET', sms_path(), 'latency=1500', 1);
    expect(\PhoneCom\TimeoutException::class, fn () => $pc->callWith('v4.list-account-sms', [], ['attempt_timeout_ms' => 300, 'max_attempts' => 1]));
    fault('GET', sms_path(), 'status=503', 1);
    check(is_array($pc->callWith('v4.list-account-sms', [], [])['items'] ?? null), 'no options: the client retries past a 503');
});

test('exchange: a bad option names its field, before sending', function () {
    $pc = client();
    foreach ([
        [['timeout' => 5], 'timeout', 'attempt_timeout_ms, deadline_ms, max_attempts, headers'],
        [['deadline_ms' => '20s'], 'deadline_ms', 'must be a number of milliseconds'],
        // The core's rules, stated the same in every language (core/src/call_options.rs).
        [['max_attempts' => 0], 'max_attempts', '`max_attempts` must be an integer from 1 to 100 (1 disables retries)'],
        [['max_attempts' => 101], 'max_attempts', '`max_attempts` must be an integer from 1 to 100 (1 disables retries)'],
        [['attempt_timeout_ms' => 0], 'attempt_timeout_ms', '`attempt_timeout_ms` must be at least 1 ms and at most 1 day'],
        [['deadline_ms' => 86400001], 'deadline_ms', '`deadline_ms` must be at least 1 ms and at most 1 day'],
        [['headers' => ['User-Agent' => 'mine/1']], 'headers.User-Agent', 'headers.User-Agent'],
        [['headers' => ['X-Trace' => "a\r\nX-Injected: 1"]], 'headers.X-Trace', 'headers.X-Trace'],
    ] as [$options, $field, $says]) {
        $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->callWith('v4.get-account', [], $options));
        check(($e?->fields[0]['field'] ?? null) === $field && $e->attempts === 0 && $e->operation === 'v4.get-account', "$field named: " . json_encode($e?->error));
        check(str_contains((string)$e?->getMessage(), $says), "says $says: " . $e?->getMessage());
    }
});

test('exchange: callWithResponse and lastResponse give status, request id, headers and the raw body', function () {
    $pc = client();
    check($pc->lastResponse() === null, 'nothing before the first call');
    fault('GET', sms_path(), 'status=503', 1);
    $r = $pc->callWithResponse('v4.list-account-sms', ['limit' => 2]);
    check($r->status === 200 && $r->attempts === 2, "200 after 2 attempts: $r->status $r->attempts");
    check($r->requestId !== '' && $r->header('X-Request-Id') === $r->requestId, 'the request id is the header: ' . json_encode($r->headers));
    check(str_starts_with((string)$r->header('content-type'), 'application/json'), 'content type');
    check(json_decode($r->body, true) == $r->data && $r->data['limit'] === 2 && !$r->bodyTruncated, 'the body decodes to the data');
    check($pc->lastResponse() === $r, 'lastResponse is that response');
    $account = $pc->call('v4.get-account');
    $last = $pc->lastResponse();
    check($last !== null && $last->data === $account && $last->attempts === 1, 'call() records it too');
    expect(\PhoneCom\NotFoundException::class, fn () => $pc->call('v4.get-account-extension', ['extension_id' => 424242]));
    check($pc->lastResponse() === $last, 'a failed call leaves it');
});

test('exchange: after call() and callWith(), lastResponse() fetches the headers and body only when asked', function () {
    $pc = client();
    fault('GET', sms_path(), 'status=503', 1);
    $data = $pc->callWith('v4.list-account-sms', ['limit' => 2], ['max_attempts' => 3]);
    $r = $pc->lastResponse();
    check($r !== null && $r->data === $data && $r->status === 200 && $r->attempts === 2, 'status and attempts of callWith()');
    check($r->header('x-request-id') === $r->requestId && json_decode($r->body, true) == $data, 'headers and body of callWith()');
    check($pc->lastResponse() === $r, 'the same Response on every read');
    $pc->call('v4.get-account');
    $pc->call('v4.list-account-sms', ['limit' => 1]);
    $last = $pc->lastResponse();
    check($last !== $r && $last->data['limit'] === 1 && json_decode($last->body, true)['limit'] === 1, 'the latest call wins');
    check($r->data === $data && $r->header('x-request-id') === $r->requestId, 'a Response read earlier stays whole');
    // A plain call's header secrets are masked when read, as callWithResponse() masks them.
    $found = $pc->call('v4.create-oauth-authorization', [
        'client_id' => sandbox_config()['oauth']['client_id'], 'response_type' => 'token',
        'scope' => 'account-owner', 'redirect_uri' => 'https://express.phone.com',
    ]);
    preg_match('/access_token=([^&]+)/', (string)$found['location'], $m);
    $location = (string)$pc->lastResponse()->header('Location');
    check(str_contains($location, 'access_token=***') && !str_contains($location, $m[1] ?? 'none'), "Location masked: $location");
});

test('exchange: a token the upstream sends in a header is masked', function () {
    $pc = client();
    $r = $pc->callWithResponse('v4.create-oauth-authorization', [
        'client_id' => sandbox_config()['oauth']['client_id'], 'response_type' => 'token',
        'scope' => 'account-owner', 'redirect_uri' => 'https://express.phone.com',
    ]);
    check(str_contains((string)$r->header('Location'), 'access_token=***'), 'Location masked: ' . $r->header('Location'));
    preg_match('/access_token=([^&]+)/', (string)$r->data['location'], $m);
    check(strlen($m[1] ?? '') > 8 && !str_contains(json_encode($r->headers), $m[1]), 'the token is in data only');
});

test('exchange: debug_log gives the log callback masked headers and bodies', function () {
    $events = [];
    $pc = client(['debug_log' => true], function (array $event) use (&$events) { $events[] = $event; });
    $pc->call('v4.list-account-phone-numbers', ['limit' => 5]);
    $request = current(array_filter($events, fn ($e) => $e['kind'] === 'request'));
    $response = current(array_filter($events, fn ($e) => $e['kind'] === 'response'));
    check(($request['headers']['authorization'] ?? null) === 'Bearer ***', 'authorization masked: ' . json_encode($request));
    check(str_contains((string)($response['body'] ?? ''), '"items"'), 'the response body is logged');
    check(!str_contains(json_encode($events), sandbox_config()['v4']['token']), 'the token never shows');
});

test('exchange: app_info and extra headers go out with the request', function () {
    $events = [];
    $app = ['name' => 'AcmePortal', 'version' => '2.1.0', 'url' => 'https://portal.acme.example'];
    $pc = client(['debug_log' => true, 'app_info' => $app], function (array $event) use (&$events) { $events[] = $event; });
    check(preg_match('#^libphonecom/\S+ \(php; [^)]+\) AcmePortal/2\.1\.0 \(\+https://portal\.acme\.example\)$#', $pc->userAgent()) === 1, 'User-Agent: ' . $pc->userAgent());
    $pc->callWith('v4.get-account', [], ['headers' => ['X-Partner-Trace' => 'trace-77']]);
    $request = current(array_filter($events, fn ($e) => $e['kind'] === 'request'));
    check(($request['headers']['x-partner-trace'] ?? null) === 'trace-77', 'the extra header is sent: ' . json_encode($request['headers'] ?? null));
    check(($request['headers']['user-agent'] ?? null) === $pc->userAgent(), 'the User-Agent is sent');
});

test('exchange: fromEnv reads the JSON file PHONECOM_CONFIG names', function () {
    $path = tempnam(sys_get_temp_dir(), 'phonecom-config-');
    file_put_contents($path, json_encode(sandbox_config()));
    $before = getenv('PHONECOM_CONFIG');
    try {
        putenv("PHONECOM_CONFIG=$path");
        check(PhoneCom::fromEnv()->call('v4.get-account')['id'] === account_id(), 'the account of the file');
        unlink($path);
        $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::fromEnv());
        check(str_contains((string)$e?->getMessage(), "PHONECOM_CONFIG file `$path`"), 'names the variable and the path: ' . $e?->getMessage());
    } finally {
        putenv($before === false ? 'PHONECOM_CONFIG' : "PHONECOM_CONFIG=$before");
        @unlink($path);
    }
});

test('exchange: fromFile reads a JSON config file; a bad one names the path, never a value', function () {
    $path = tempnam(sys_get_temp_dir(), 'phonecom-config-');
    try {
        file_put_contents($path, json_encode(sandbox_config()));
        check(PhoneCom::fromFile($path)->call('v4.get-account')['id'] === account_id(), 'the account of the file');
        foreach ([
            ['{"v4": {"tokn": "Leaky-Secret-9"}}', 'tokn'],
            ['{"v4": {"token": "Leaky-Secret-9"', 'not valid JSON'],
        ] as [$text, $says]) {
            file_put_contents($path, $text);
            $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::fromFile($path));
            $message = (string)$e?->getMessage();
            check(str_contains($message, "config file `$path`") && str_contains($message, $says), $message);
            check(!str_contains(json_encode($e?->error), 'Leaky-Secret-9'), 'no value: ' . $message);
        }
        unlink($path);
        $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::fromFile($path));
        check(str_contains((string)$e?->getMessage(), 'no such file'), (string)$e?->getMessage());
    } finally {
        @unlink($path);
    }
});

test('exchange: var_dump and print_r show families and hosts, never a secret', function () {
    $config = sandbox_config();
    $pc = client();
    $user = $pc->withV4Token('user-token-Zq81-secret', 77);
    foreach ([[$pc, $config['v4']['token'], $config['v4']['account_id']], [$user, 'user-token-Zq81-secret', 77]] as [$client, $secret, $account]) {
        ob_start();
        var_dump($client);
        $dump = ob_get_clean() . print_r($client, true);
        check(str_contains($dump, $config['v4']['base_url']) && str_contains($dump, $config['nol']['base_url']), "hosts shown: $dump");
        check(str_contains($dump, '["account_id"]=>' . "\n" . '      int(' . $account . ')'), "the account: $dump");
        check(str_contains($dump, 'libphonecom/'), 'the User-Agent');
        check(!str_contains($dump, $secret) && !str_contains($dump, 'CData'), "no secret, no handle: $dump");
        foreach (['xml' => 'password', 'v1' => 'api_key', 'nol' => 'api_key'] as $family => $key) {
            $value = $config[$family][$key] ?? null;
            check(!is_string($value) || !str_contains($dump, $value), "$family.$key hidden");
        }
    }
    check($pc->describe()['v4']['base_url'] === $config['v4']['base_url'] && $pc->describe()['v4']['credentials'] === true, 'describe() gives the same');
});
