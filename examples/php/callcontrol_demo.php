<?php
/**
 * Call control, tried end to end: serve callcontrol_handler.php with PHP's built-in server on a
 * free loopback port, then have the sandbox place incoming calls on it the way Phone.com does
 * (POST {sandbox}/_sandbox/callcontrol/calls) and print each call's transcript:
 *
 *  - the caller presses 1: the handler forwards to sales (announced);
 *  - the caller presses 2 and support is busy: the handler falls back to the operators;
 *  - the caller presses 7 (no such entry): the menu replays with "Invalid Entry", then 1.
 *
 * Run: PHONECOM_CONFIG=sandbox.json php examples/php/callcontrol_demo.php (the config line of a
 * sandbox: its call-control driver places the calls). PHONECOM_LIB names the library.
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

/** A free loopback port. */
function free_port(): int
{
    $probe = stream_socket_server('tcp://127.0.0.1:0');
    $name = (string)stream_socket_get_name($probe, false);
    fclose($probe);
    return (int)substr((string)strrchr($name, ':'), 1);
}

/** POST $body as JSON to $url; the decoded answer. */
function post_json(string $url, array $body): array
{
    $context = stream_context_create(['http' => [
        'method' => 'POST', 'header' => "Content-Type: application/json\r\n",
        'content' => json_encode($body), 'ignore_errors' => true, 'timeout' => 60,
    ]]);
    $answer = file_get_contents($url, false, $context);
    if ($answer === false || !str_contains($http_response_header[0] ?? '', ' 201')) {
        throw new RuntimeException("POST $url failed: " . ($http_response_header[0] ?? 'no answer') . " $answer");
    }
    return json_decode($answer, true, 64, JSON_THROW_ON_ERROR);
}

$path = getenv('PHONECOM_CONFIG');
$config = $path ? json_decode((string)file_get_contents($path), true) : null;
if (($config['environment'] ?? '') !== 'sandbox') {
    fwrite(STDERR, "PHONECOM_CONFIG must name a sandbox's config line: its driver places the calls\n");
    exit(2);
}
$sandbox = preg_replace('#/v4$#', '', $config['v4']['base_url']);

// 1. The handler, served by `php -S` (FFI enabled for the server too).
$port = free_port();
$server = proc_open(
    [PHP_BINARY, '-d', 'ffi.enable=1', '-S', "127.0.0.1:$port", __DIR__ . '/callcontrol_handler.php'],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
    $pipes
);
$status = 0;
try {
    for ($i = 0; $i < 200 && ($socket = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1)) === false; $i++) {
        usleep(50_000);
    }
    if ($socket === false) {
        throw new RuntimeException('php -S did not start');
    }
    fclose($socket);
    $url = "http://127.0.0.1:$port/callcontrol";
    echo "step 1: the handler answers on $url\n";

    // 2. Calls placed by the sandbox: what the caller does => who should answer.
    $calls = [
        ['caller presses 1', ['digits' => ['1']], '18585550101'],
        ['caller presses 2, support is busy', ['digits' => ['2'], 'forwardResults' => ['busy', 'answered']], '18585550103'],
        ['caller presses 7, then 1', ['digits' => ['7', '1']], '18585550101'],
    ];
    foreach ($calls as $n => [$title, $call, $expected]) {
        $t = post_json("$sandbox/_sandbox/callcontrol/calls", ['url' => $url, 'callerIdNumber' => '+16195550199'] + $call);
        echo 'step ', $n + 2, ": $title: {$t['outcome']}", $t['connected_to'] ? " to {$t['connected_to']}" : '', "\n";
        foreach ($t['steps'] as $step) {
            echo '  ', $step['response']['status'] ?? '-', ' ', json_encode($step['response']['body'] ?? null), "\n";
        }
        if ($t['connected_to'] !== $expected) {
            throw new RuntimeException("expected the call to reach $expected");
        }
    }
    echo "done\n";
} catch (RuntimeException | JsonException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    $status = 1;
} finally {
    proc_terminate($server);
    proc_close($server);
}
exit($status);
