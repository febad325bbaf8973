<?php
/** Every error kind against the sandbox, each as its exception class with the structured fields. */

declare(strict_types=1);

function sms_path(): string
{
    return '/v4/accounts/' . account_id() . '/sms';
}

test('errors: validation (local and 422)', function () {
    $pc = client();
    $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->call('v4.list-available-phone-numbers', ['filters' => ['price' => 'cheap']]));
    check($e?->attempts === 0 && $e->fields[0]['field'] === 'filters.price', 'refused before sending');
    $create = ['username' => 'acme-dup-php', 'password' => 'pw-1234567890', 'contact' => CONTACT];
    $pc->call('v4.create-account-subaccount', $create);
    $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->call('v4.create-account-subaccount', $create));
    check($e?->httpStatus === 422 && in_array('username', array_column($e->fields, 'field'), true), '422 names username');
    check(!str_contains(json_encode($e?->error), 'pw-1234567890'), 'password masked');
});

test('errors: authentication', function () {
    $bad = client()->withV4Token('not-a-valid-token');
    $e = expect(\PhoneCom\AuthenticationException::class, fn () => $bad->call('v4.get-account'));
    check($e?->httpStatus === 401 && $e->upstreamCode === 'invalid_token', 'OAuth-style 401');
    check($e?->operation === 'v4.get-account' && $e->family === 'v4', 'operation and family');
});

test('errors: permission', function () {
    $pc = client();
    fault('GET', '/v4/accounts/' . account_id(), 'status=403', 1);
    $e = expect(\PhoneCom\PermissionDeniedException::class, fn () => $pc->call('v4.get-account'));
    check($e?->httpStatus === 403 && $e->retryable === false, '403, not retryable');
});

test('errors: not found', function () {
    $e = expect(\PhoneCom\NotFoundException::class, fn () => client()->call('v4.get-account-extension', ['extension_id' => 424242]));
    check($e?->httpStatus === 404 && is_string($e->requestId) && $e->requestId !== '', '404 with a request id');
});

test('errors: conflict', function () {
    $pc = client();
    fault('GET', sms_path(), 'status=409', 3);
    $e = expect(\PhoneCom\ConflictException::class, fn () => $pc->call('v4.list-account-sms'));
    check($e?->httpStatus === 409 && $e->attempts === 3, '409 after 3 attempts');
});

test('errors: rate limited, with retry-after', function () {
    $pc = client();
    fault('GET', sms_path(), 'status=429;retry_after=30', 1);
    $e = expect(\PhoneCom\RateLimitedException::class, fn () => $pc->call('v4.list-account-sms'));
    check($e?->retryAfter === 30.0 && $e->retryable, 'retry_after 30 s: ' . json_encode($e?->retryAfter));
});

test('errors: server', function () {
    $pc = client();
    fault('GET', sms_path(), 'status=503', 3);
    $e = expect(\PhoneCom\ServerException::class, fn () => $pc->call('v4.list-account-sms'));
    check($e?->httpStatus === 503 && $e->attempts === 3 && $e->retryable, 'gave up after 3');
    fault('GET', sms_path(), 'status=500', 2);
    check(is_array($pc->call('v4.list-account-sms')), 'retried through two 500s');
});

test('errors: transport', function () {
    $pc = client();
    fault('GET', sms_path(), 'reset_before', 3);
    $e = expect(\PhoneCom\TransportException::class, fn () => $pc->call('v4.list-account-sms'));
    check($e?->httpStatus === null, 'no HTTP status');
});

test('errors: timeout', function () {
    $pc = client(['timeouts' => ['overall_ms' => 300]]);
    fault('GET', sms_path(), 'latency=1500', 3);
    $e = expect(\PhoneCom\TimeoutException::class, fn () => $pc->call('v4.list-account-sms'));
    check($e?->retryable === true, 'retryable');
});

test('errors: decode, with the raw body', function () {
    $pc = client();
    fault('GET', sms_path(), 'malformed', 1);
    $e = expect(\PhoneCom\DecodeException::class, fn () => $pc->call('v4.list-account-sms'));
    check(is_string($e?->rawBody) && $e->rawBody !== '', 'raw body kept');
});

test('errors: every exception is a PhoneComException with its kind', function () {
    $e = expect(\PhoneCom\PhoneComException::class, fn () => client()->call('v4.nope'));
    check($e instanceof \PhoneCom\ValidationException && $e->kind === 'validation', 'unknown operation is validation');
});

test('errors: a panic inside the library is an InternalException, with nothing on stderr', function () {
    $panic = fn () => \PhoneCom\Library::check(\PhoneCom\Library::ffi()->phonecom__panic_for_test());
    $e = expect(\PhoneCom\InternalException::class, $panic);
    check($e instanceof \PhoneCom\PhoneComException && $e->kind === 'panic', 'a PhoneComException of kind panic');
    check(str_contains((string)$e?->getMessage(), 'internal error: a bug in libphonecom (a panic at '), 'says where: ' . $e?->getMessage());
    check(!str_contains((string)$e?->getMessage(), 'sbx_panic_payload_secret'), 'never what the panic said');
    // The same in a child PHP, to see its stderr (RUST_BACKTRACE would add a backtrace to any report).
    $code = 'require ' . var_export(__DIR__ . '/../autoload.php', true) . ';'
        . 'try { PhoneCom\Library::check(PhoneCom\Library::ffi()->phonecom__panic_for_test()); }'
        . ' catch (PhoneCom\InternalException $e) { echo "caught"; }';
    $child = proc_open([PHP_BINARY, '-r', $code], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, getenv() + ['RUST_BACKTRACE' => '1']);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($child);
    check($status === 0 && $out === 'caught', "the child caught it: $status $out $err");
    check($err === '', "nothing on stderr: $err");
});

test('errors: one class per kind under the shared names, the old names as aliases', function () {
    // The cross-language table (README "Errors"): kind => PHP class.
    $expected = [
        'validation' => 'ValidationException', 'authentication' => 'AuthenticationException',
        'permission' => 'PermissionDeniedException', 'not_found' => 'NotFoundException',
        'conflict' => 'ConflictException', 'rate_limited' => 'RateLimitedException',
        'server' => 'ServerException', 'transport' => 'TransportException',
        'timeout' => 'TimeoutException', 'decode' => 'DecodeException', 'internal' => 'InternalException',
    ];
    foreach ($expected as $kind => $name) {
        check(\PhoneCom\PhoneComException::classFor($kind) === "PhoneCom\\$name", "$kind => $name");
    }
    check(count(\PhoneCom\ErrorTable::CLASSES) === count($expected), 'no other kind');
    $e = new \PhoneCom\PermissionDeniedException(3, ['kind' => 'permission', 'message' => 'no']);
    check($e instanceof \PhoneCom\PermissionException, 'the old name is the same class');
    check($e instanceof \PhoneCom\PhoneCom\PermissionException, 'also under the PhoneCom\PhoneCom prefix');
    foreach (\PhoneCom\ErrorTable::FIELDS as $key => $property) {
        check(in_array($key, ['kind', 'message'], true) || property_exists($e, $property), "field $key is \$$property");
    }
});

test('errors: an upstream doc URL and the details of a local refusal reach PHP', function () {
    $wrong = client(['v1' => ['api_key' => 'v1-wrong-key-0123456789'], 'retry' => ['max_attempts' => 1]]);
    $e = expect(\PhoneCom\AuthenticationException::class, fn () => $wrong->call('v1.menus.list'));
    check(str_starts_with((string)$e?->docUrl, 'https://docs.phone.com/'), 'docUrl: ' . json_encode($e?->error));
    $paced = client(['budget' => ['store' => 'memory', 'v4' => ['per_endpoint' => 1, 'window_s' => 30]]]);
    $paced->call('v4.get-account');
    $e = expect(\PhoneCom\RateLimitedException::class, fn () => $paced->callWith('v4.get-account', [], ['deadline_ms' => 500]));
    check(($e?->details['source'] ?? null) === 'local_budget' && $e->details['wait_ms'] > 0, 'details: ' . json_encode($e?->details));
});

test('errors: a derived client refuses a credential that could not be masked or sent, naming it', function () {
    $pc = client();
    foreach (['', 'abc', 'tok en-1234'] as $bad) {
        $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->withV4Token($bad));
        check(($e?->fields[0]['field'] ?? null) === 'token', 'token named: ' . json_encode($e?->error));
        $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->withNolKey($bad));
        check(($e?->fields[0]['field'] ?? null) === 'key', 'key named: ' . json_encode($e?->error));
    }
});
