<?php
/**
 * PhoneCom\Sandbox: starting, attaching, stopping, the console kept out of the way, and every admin
 * method against a real sandbox (one of its own, so the suite's sandbox keeps its state).
 */

declare(strict_types=1);

use PhoneCom\PhoneCom;
use PhoneCom\Sandbox;
use PhoneCom\SandboxException;

/** The sandbox binary: PHONECOM_SANDBOX_BIN (ffi-c/tests/run.sh sets it), else the workspace's debug build. */
function sandbox_binary(): string
{
    $binary = getenv('PHONECOM_SANDBOX_BIN') ?: dirname(__DIR__, 3) . '/target/debug/phonecom-sandbox';
    if (!is_executable($binary)) {
        throw new Skip("no sandbox binary at $binary");
    }
    return $binary;
}

/** A fresh sandbox for one test; stopped when the test's variable goes. */
function own_sandbox(?int $seed = null): Sandbox
{
    return Sandbox::start(seed: $seed, binary: sandbox_binary());
}

/** A client of $sandbox that sends each request once. */
function one_shot(Sandbox $sandbox): PhoneCom
{
    return PhoneCom::fromJson(['retry' => ['max_attempts' => 1]] + $sandbox->config());
}

function sandbox_error(callable $fn): ?SandboxException
{
    $e = expect(SandboxException::class, $fn);
    return $e instanceof SandboxException ? $e : null;
}

test('sandbox: start serves, stop ends it, attaching afterwards finds nothing', function () {
    $sb = own_sandbox(7);
    check($sb->health() === ['status' => 'ok', 'seed' => 7], 'health names the seed');
    check($sb->fetchConfig() === $sb->config(), 'the config line is the config');
    check($sb->url() . '/v4' === $sb->config()['v4']['base_url'], 'url is the origin');
    check(json_decode($sb->configJson(), true) === $sb->config(), 'configJson');
    check(one_shot($sb)->call('v4.get-account')['id'] === $sb->config()['v4']['account_id'], 'a client works on it');
    $sb->stop();
    $e = sandbox_error(fn () => Sandbox::attach($sb->url(), 2.0));
    check($e?->httpStatus === null && str_contains($e->getMessage(), 'no sandbox answered at ' . $sb->url()), (string)$e?->getMessage());
    $sb->stop(); // a second stop does nothing
});

test('sandbox: attach drives a running sandbox from any URL on it', function () {
    $sb = own_sandbox();
    $attached = Sandbox::attach($sb->config()['xml']['base_url']);
    check($attached->url() === $sb->url() && $attached->config() === $sb->config(), 'same sandbox, same config');
    $attached->queueFault(status: 502, family: 'v1');
    check(array_column($sb->faults(), 'path') === ['/v1'], 'the fault is queued on it');
    $attached->stop(); // not ours: still running
    check($sb->health()['status'] === 'ok', 'still running');
    expect(\InvalidArgumentException::class, fn () => Sandbox::attach('127.0.0.1:8080'));
});

test('sandbox: a start failure carries its console; a missing binary names the variable', function () {
    $taken = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int)substr((string)strrchr((string)stream_socket_get_name($taken, false), ':'), 1);
    $e = sandbox_error(fn () => Sandbox::start(port: $port, binary: sandbox_binary()));
    check(str_contains((string)$e?->getMessage(), 'exited before printing its config (status 1)'), (string)$e?->getMessage());
    check(str_contains((string)$e?->getMessage(), 'Address already in use'), 'the tail of its stderr is in the error');
    fclose($taken);
    $e = sandbox_error(fn () => Sandbox::start(binary: sys_get_temp_dir() . '/no-such-sandbox'));
    check(str_contains((string)$e?->getMessage(), 'PHONECOM_SANDBOX_BIN'), (string)$e?->getMessage());
});

test('sandbox: the console is kept unless asked for', function () {
    $dir = sys_get_temp_dir() . '/phonecom-console-' . bin2hex(random_bytes(6));
    mkdir($dir, 0700);
    $chatty = "$dir/chatty-sandbox";
    file_put_contents($chatty, "#!/bin/sh\necho \"GET /v4/accounts 200 (console line)\" >&2\nexec " . escapeshellarg(sandbox_binary()) . " \"\$@\"\n");
    chmod($chatty, 0755);
    $script = '<?php require ' . var_export(dirname(__DIR__, 3) . '/php/autoload.php', true) . ';'
        . '$s = PhoneCom\Sandbox::start(console: $argv[2] === "on", binary: $argv[1]); $s->health(); $s->stop(); echo "done\n";';
    file_put_contents("$dir/child.php", $script);
    foreach (['off', 'on'] as $mode) {
        $p = proc_open([PHP_BINARY, "$dir/child.php", $chatty, $mode], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        $status = proc_close($p);
        check($status === 0 && $out === "done\n", "$mode: $status $out $err");
        check(str_contains($err, '(console line)') === ($mode === 'on'), "$mode: stderr was: $err");
    }
    array_map('unlink', glob("$dir/*") ?: []);
    rmdir($dir);
});

test('sandbox: a typed fault reaches the next matching request', function () {
    $sb = own_sandbox();
    $queued = $sb->queueFault(status: 503, message: 'down for maintenance', path: '/v4/accounts', times: 2);
    check($queued['fault'] === 'status=503;message=down for maintenance' && $queued['remaining'] === 2 && $queued['path'] === '/v4/accounts', json_encode($queued));
    check($sb->faults() === [$queued], 'listed');
    $e = expect(\PhoneCom\ServerException::class, fn () => one_shot($sb)->call('v4.get-account'));
    check($e?->httpStatus === 503 && str_contains($e->getMessage(), 'down for maintenance'), (string)$e?->getMessage());
    check($sb->faults()[0]['remaining'] === 1, 'one use left');
    $last = array_slice($sb->requests(), -1)[0];
    check($last['status'] === 503 && $last['fault'] === $queued['fault'], 'recorded with its fault');
});

test('sandbox: every fault field becomes its spec; a family stands for its path', function () {
    $sb = own_sandbox();
    $f = $sb->queueFault(status: 429, retryAfter: 2, code: 'rate_limited_pool', latencyMs: 50, method: 'get');
    check($f['fault'] === 'latency=50;status=429;retry_after=2;code=rate_limited_pool' && $f['method'] === 'GET', json_encode($f));
    foreach (['reset_before', 'reset_after', 'malformed', 'truncated'] as $action) {
        check($sb->queueFault(action: $action)['fault'] === $action, $action);
    }
    check($sb->queueFault(status: 400, echo: true)['fault'] === 'status=400;echo', 'echo');
    check($sb->queueFault('status=500;retry_after=1')['fault'] === 'status=500;retry_after=1', 'raw spec');
    check(count($sb->faults()) === 7, 'seven queued');
    $sb->clearFaults();
    check($sb->faults() === [], 'cleared');
    foreach (Sandbox::FAMILY_PATHS as $family => $prefix) {
        check($sb->queueFault(status: 500, family: $family)['path'] === $prefix, $family);
        $base = (string)parse_url($sb->config()[$family]['base_url'], PHP_URL_PATH);
        check($base === ($family === 'nol' ? '' : $prefix), "$family base URL path $base");
    }
});

test('sandbox: a family fault hits that family only', function () {
    $sb = own_sandbox();
    $sb->queueFault(status: 500, family: 'xml');
    $pc = one_shot($sb);
    $pc->call('v4.get-account');
    expect(\PhoneCom\ServerException::class, fn () => $pc->call('xml.getCallList', ['startTime' => 0, 'endTime' => 1]));
    check(array_column($sb->requests(), 'fault') === [null, 'status=500'], json_encode(array_column($sb->requests(), 'fault')));
});

test('sandbox: bad fault arguments are refused before anything is sent', function () {
    $sb = own_sandbox();
    $cases = [
        ['spec: give a spec string', fn () => $sb->queueFault('status=500', status: 500)],
        ['family, path: give one of them', fn () => $sb->queueFault(status: 500, family: 'v4', path: '/v4')],
        ['family: must be one of v4, oauth, xml, v1, nol', fn () => $sb->queueFault(status: 500, family: 'v5')],
        ["message: may not contain ';'", fn () => $sb->queueFault(status: 400, message: 'a;b')],
        ['action: must be reset_before', fn () => $sb->queueFault(action: 'explode')],
        ['latencyMs: must be 0 or more', fn () => $sb->queueFault(latencyMs: -1)],
        ['say what goes wrong', fn () => $sb->queueFault()],
    ];
    foreach ($cases as [$message, $fn]) {
        $e = expect(\InvalidArgumentException::class, $fn);
        check(str_contains((string)$e?->getMessage(), $message), "wanted '$message', got: " . $e?->getMessage());
    }
    check($sb->faults() === [], 'nothing queued');
});

test("sandbox: the sandbox's refusal is a SandboxException with its message", function () {
    $sb = own_sandbox();
    $e = sandbox_error(fn () => $sb->queueFault(status: 200));
    check($e?->httpStatus === 400 && $e->method === 'POST' && $e->path === '/_sandbox/faults', 'status and route');
    check($e?->sandboxMessage === 'status 200 is not an error status (400-599)', (string)$e?->sandboxMessage);
    check($e?->getMessage() === 'phonecom sandbox: POST /_sandbox/faults: answered 400: status 200 is not an error status (400-599)', (string)$e?->getMessage());
    $e = sandbox_error(fn () => $sb->queueFault(status: 500, times: 0));
    check(str_contains((string)$e?->getMessage(), '`times` must be a positive integer'), (string)$e?->getMessage());
});

test('sandbox: a 503, then the retry (the README example)', function () {
    $sb = own_sandbox();
    $client = PhoneCom::fromJson($sb->config());
    $sb->queueFault(status: 503, path: '/v4/accounts');
    $client->call('v4.get-account');
    $attempts = array_map(fn ($r) => [$r['status'], $r['fault']], $sb->requests());
    check($attempts === [[503, 'status=503'], [200, null]], json_encode($attempts));
});

test('sandbox: requests since a seq, and clearing them', function () {
    $sb = own_sandbox();
    $pc = one_shot($sb);
    $pc->call('v4.get-account');
    $first = $sb->requests();
    $pc->call('v4.list-accounts');
    $newer = $sb->requests(since: end($first)['seq']);
    check(array_column($newer, 'path') === ['/v4/accounts'], json_encode(array_column($newer, 'path')));
    check($newer[0]['headers']['authorization'] === 'Bearer ***', 'secrets are masked');
    check(count($sb->requests(0)) === 2, 'since 0: all');
    $sb->clearRequests();
    check($sb->requests() === [], 'cleared');
});

test('sandbox: requests filtered by family, status and limit', function () {
    $sb = own_sandbox();
    if (!array_key_exists('last_seq', $sb->admin('GET', '/requests'))) {
        throw new Skip('this sandbox has no request filters (they came with the dashboard)');
    }
    $pc = one_shot($sb);
    $pc->call('v4.get-account');
    $sb->queueFault(status: 503, family: 'xml');
    expect(\PhoneCom\ServerException::class, fn () => $pc->call('xml.getCallList', ['startTime' => 0, 'endTime' => 1]));
    $pc->call('v4.list-accounts');
    $account = $sb->config()['v4']['account_id'];
    check(array_column($sb->requests(family: 'v4'), 'path') === ["/v4/accounts/$account", '/v4/accounts'], 'v4 only');
    foreach ([503, '5xx', 'error'] as $status) {
        check(array_column($sb->requests(status: $status), 'status') === [503], "status $status");
    }
    check(array_column($sb->requests(limit: 1), 'path') === ['/v4/accounts'], 'the newest one');
    expect(\InvalidArgumentException::class, fn () => $sb->requests(family: 'v5'));
});

test('sandbox: state shows what the dashboard shows', function () {
    $sb = own_sandbox();
    try {
        $overview = $sb->state();
    } catch (SandboxException $e) {
        if ($e->httpStatus === 404) {
            throw new Skip('this sandbox has no state views (they came with the dashboard)');
        }
        throw $e;
    }
    check($overview['seed'] === $sb->health()['seed'], 'the seed');
    check(!str_contains(json_encode($overview), $sb->config()['v4']['token']), 'secrets are masked');
    one_shot($sb)->call('v4.create-account-subaccount', ['username' => 'seen-in-state', 'password' => 'Passw0rd!Passw0rd']);
    check(str_contains(json_encode($sb->state('v4')), 'seen-in-state'), 'the new subaccount is in the v4 state');
    check(is_array($sb->state('v4', ['q' => '858'])), 'filtered');
    $e = sandbox_error(fn () => $sb->state('nowhere'));
    check($e?->httpStatus === 404, '404 for an unknown section');
});

test('sandbox: the clock moves and resets', function () {
    $sb = own_sandbox();
    $start = $sb->clock();
    check($start['offset_s'] === 0, 'real time at first');
    $moved = $sb->advanceClock(3600);
    check($moved['offset_s'] === 3600 && $moved['now'] >= $start['now'] + 3600 && is_string($moved['now_rfc3339']), json_encode($moved));
    check($sb->advanceClock(-600)['offset_s'] === 3000, 'back 600 s');
    check($sb->setClockOffset(-86400)['offset_s'] === -86400 && $sb->clock()['offset_s'] === -86400, 'set');
    $sb->reset();
    check($sb->clock()['offset_s'] === 0, 'reset to real time');
});

test('sandbox: rate limits switch on and back', function () {
    $sb = own_sandbox();
    $off = $sb->rateLimit();
    check($off === ['enabled' => false, 'per_endpoint' => 30, 'window_s' => 30, 'total' => 120, 'total_window_s' => 60], json_encode($off));
    $on = $sb->setRateLimit(enabled: true, perEndpoint: 2);
    check($on === ['enabled' => true, 'per_endpoint' => 2] + $off, json_encode($on));
    check($sb->rateLimit() === $on, 'read back');
    $pc = one_shot($sb);
    $pc->call('v4.get-account');
    $pc->call('v4.get-account');
    $e = expect(\PhoneCom\RateLimitedException::class, fn () => $pc->call('v4.get-account'));
    check($e?->httpStatus === 429, '429');
    check($sb->setRateLimit(enabled: false)['enabled'] === false, 'off again');
    $pc->call('v4.get-account');
    $e = sandbox_error(fn () => $sb->setRateLimit(perEndpoint: -1));
    check($e?->httpStatus === 400 && str_contains($e->sandboxMessage, 'invalid rate-limit settings'), (string)$e?->getMessage());
});

test('sandbox: reset returns to the seed', function () {
    $sb = own_sandbox();
    $pc = one_shot($sb);
    $before = $pc->call('v4.list-accounts')['total'];
    $pc->call('v4.create-account-subaccount', ['username' => 'reset-me', 'password' => 'Passw0rd!Passw0rd']);
    check($pc->call('v4.list-accounts')['total'] === $before + 1, 'one more');
    $sb->queueFault(status: 500, path: '/nowhere');
    $sb->reset();
    check($pc->call('v4.list-accounts')['total'] === $before, 'back to the seed');
    check($sb->faults() === [] && array_column($sb->requests(), 'path') === ['/v4/accounts'], 'faults and requests forgotten');
});

test('sandbox: drive a call, read its transcript; other admin routes', function () {
    $sb = own_sandbox();
    $server = new HandlerServer();
    $t = $sb->driveCall($server->url, digits: ['1'], callerIdNumber: '+16195550199', callerIdName: 'Ada', timeoutMs: 5000);
    check($t['url'] === $server->url && $t['method'] === 'GET' && $t['callerIdNumber'] === '+16195550199', json_encode($t));
    check($t['requests'] === count($t['steps']) && count($server->requests($t['uniqueID'])) === $t['requests'], 'every request reached the handler');
    check(($t['steps'][0]['response']['body'] ?? null) === MENU_LINE, 'the menu first');
    check($sb->calls() === [$t] && $sb->call($t['uniqueID']) === $t, 'kept');
    $sb->clearCalls();
    check($sb->calls() === [], 'cleared');
    $e = sandbox_error(fn () => $sb->call($t['uniqueID']));
    check($e?->httpStatus === 404 && $e->sandboxMessage === 'no such call', (string)$e?->getMessage());
    $e = sandbox_error(fn () => $sb->driveCall($server->url, method: 'PUT'));
    check(str_contains((string)$e?->sandboxMessage, '`method` must be GET or POST'), (string)$e?->getMessage());
    check(is_array($sb->admin('GET', '/xml')), "admin() reaches the families' own routes");
    $e = sandbox_error(fn () => $sb->admin('GET', '/nowhere'));
    check($e?->httpStatus === 404 && $e->sandboxMessage === 'unknown admin route', (string)$e?->getMessage());
});
