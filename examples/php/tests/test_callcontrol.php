<?php
/**
 * Call control end to end: examples/php/callcontrol_handler.php served by `php -S` on loopback,
 * called by the sandbox's call-control driver the way Phone.com calls a partner
 * (PhoneCom\Sandbox::driveCall), the transcript checked step by step.
 */

declare(strict_types=1);

/** `php -S` serving the handler on a free loopback port; stopped when the object goes. */
final class HandlerServer
{
    public readonly string $url;
    public readonly string $log;
    private readonly string $dir;
    /** @var resource */
    private $process;

    public function __construct(?array $menu = null)
    {
        sandbox_config();
        $this->dir = sys_get_temp_dir() . '/phonecom-callcontrol-' . bin2hex(random_bytes(6));
        mkdir($this->dir, 0700);
        $this->log = "$this->dir/requests.log";
        $env = getenv();
        $env['CALLCONTROL_LOG'] = $this->log;
        unset($env['CALLCONTROL_MENU']);
        if ($menu !== null) {
            file_put_contents("$this->dir/menu.json", json_encode($menu));
            $env['CALLCONTROL_MENU'] = "$this->dir/menu.json";
        }
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $name = stream_socket_get_name($probe, false);
        fclose($probe);
        $port = (int)substr((string)strrchr((string)$name, ':'), 1);
        $command = [PHP_BINARY, '-d', 'ffi.enable=1', '-S', "127.0.0.1:$port", dirname(__DIR__) . '/callcontrol_handler.php'];
        $out = ['file', "$this->dir/server.out", 'a'];
        $this->process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => $out, 2 => $out], $pipes, null, $env);
        $this->url = "http://127.0.0.1:$port/callcontrol";
        for ($i = 0; $i < 200; $i++) {
            $socket = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            usleep(50_000);
        }
        throw new RuntimeException("php -S did not start: " . @file_get_contents("$this->dir/server.out"));
    }

    public function __destruct()
    {
        proc_terminate($this->process);
        proc_close($this->process);
        foreach (glob("$this->dir/*") ?: [] as $file) {
            unlink($file);
        }
        rmdir($this->dir);
    }

    /** The handler's log lines for one call. */
    public function requests(string $uniqueId): array
    {
        $lines = file_exists($this->log) ? file($this->log, FILE_IGNORE_NEW_LINES) : [];
        $rows = array_map(fn ($l) => json_decode($l, true, 16, JSON_THROW_ON_ERROR), $lines);
        return array_values(array_filter($rows, fn ($r) => $r['uniqueID'] === $uniqueId));
    }

    /** What the server printed (for failure messages). */
    public function output(): string
    {
        return (string)@file_get_contents("$this->dir/server.out");
    }
}

/** Have the sandbox place a call on $server's URL (PhoneCom\Sandbox::driveCall's named arguments); returns the transcript. */
function place_call(HandlerServer $server, array $call): array
{
    return sandbox()->driveCall($server->url, ...$call);
}

/** The answers the handler gave, step by step. */
function answers(array $transcript): array
{
    return array_map(fn ($s) => $s['response']['body'] ?? null, $transcript['steps']);
}

/** The checks every finished call passes: each request answered 200 text/plain, then the end. */
function check_call_shape(array $t, string $outcome): void
{
    check($t['outcome'] === $outcome, "outcome {$t['outcome']}, wanted $outcome: " . json_encode(answers($t)));
    check($t['requests'] === count($t['steps']), 'requests counted');
    $last = end($t['steps']);
    check(($last['request']['fields']['duration'] ?? null) === (string)$t['duration'], 'the last request carries the duration');
    foreach ($t['steps'] as $i => $step) {
        check(($step['request']['fields']['uniqueID'] ?? '') === $t['uniqueID'], "step $i: uniqueID");
        check(str_starts_with((string)($step['response']['content_type'] ?? ''), 'text/plain'), "step $i: text/plain");
    }
}

const MENU_LINE = 'play-and-get-digits,Main Menu,D';
const SALES_LINE = 'simple-forward-voicetag,"Sales call",18585550101';
const SUPPORT_LINE = 'simple-forward,18585550102ww101';
const OPERATORS_LINE = 'multiple-forward-voicetag,"Reception",18585550103,18585550104';

test('callcontrol: the PHP handler forwards to the right line after the digits', function () {
    $server = new HandlerServer();
    $cases = [
        // digits pressed => the handler's answers after the menu, the line connected
        [['1'], [SALES_LINE], '18585550101'],
        [['2'], [SUPPORT_LINE], '18585550102'],
        [['0'], ['multiple-forward,18585550103,18585550104'], '18585550103'],
        [['7', '1'], ['play-and-get-digits,Invalid Entry,D', SALES_LINE], '18585550101'],
        [['7', '8'], ['play-and-get-digits,Invalid Entry,D', OPERATORS_LINE], '18585550103'],
        [[], [OPERATORS_LINE], '18585550103'],
    ];
    foreach ($cases as [$digits, $after, $connected]) {
        $what = 'digits ' . json_encode($digits);
        $t = place_call($server, ['digits' => $digits, 'callerIdNumber' => '+16195550199', 'callerIdName' => 'Jane Doe', 'talkSeconds' => 42]);
        check_call_shape($t, 'connected');
        check(answers($t) === array_merge([MENU_LINE], $after, ['']), "$what: answers " . json_encode(answers($t)) . "\n" . $server->output());
        check($t['connected_to'] === $connected, "$what: connected to {$t['connected_to']}");
        // What the caller pressed reached the handler, in order (nothing on a timeout).
        $sent = array_map(fn ($s) => $s['request']['fields']['digits'] ?? null, array_slice($t['steps'], 1, count($after)));
        check($sent === ($digits === [] ? [''] : $digits), "$what: digits sent " . json_encode($sent));
        $events = array_column($server->requests($t['uniqueID']), 'event');
        $want = array_merge(['new_call'], array_fill(0, count($after), 'digits'), ['completed']);
        check($events === $want, "$what: handler events " . json_encode($events));
    }

    // The call is in the XML API's call log of the dialed number's account.
    $t = place_call($server, ['digits' => ['1'], 'callerIdNumber' => '+16195550199']);
    check(is_int($t['call_log_id']), 'logged');
    $started = strtotime($t['started_at']);
    $rows = client()->call('xml.getCallList', ['startTime' => $started, 'endTime' => $started + 3600])['data']['items'];
    $row = array_values(array_filter($rows, fn ($r) => $r['id'] === (string)$t['call_log_id']))[0] ?? null;
    check(($row['finalAction'] ?? '') === 'callcontrol ' . SALES_LINE, 'call log row ' . json_encode($row));
    check(($row['callerId'] ?? '') === '+16195550199' && ($row['calledNumber'] ?? '') === $t['dialedNumber'], 'caller and dialed number logged');
});

test('callcontrol: unanswered forwards fall back to the operators, then the handler hangs up', function () {
    $server = new HandlerServer();
    $t = place_call($server, ['digits' => ['2'], 'forwardResults' => ['busy', 'no-answer']]);
    check_call_shape($t, 'hangup');
    check(answers($t) === [MENU_LINE, SUPPORT_LINE, OPERATORS_LINE, '', ''], 'answers ' . json_encode(answers($t)));
    check($t['duration'] === 5 + 2 + 20, "menu, busy, no answer: {$t['duration']} s");
    check($t['steps'][2]['request']['fields']['previous-response'] === SUPPORT_LINE, 'the busy forward comes back as previous-response');
    $events = array_column($server->requests($t['uniqueID']), 'event');
    check($events === ['new_call', 'digits', 'command_result', 'command_result', 'completed'], 'events ' . json_encode($events));

    $t = place_call($server, ['digits' => ['1'], 'forwardResults' => ['no-answer'], 'talkSeconds' => 10]);
    check_call_shape($t, 'connected');
    check(answers($t) === [MENU_LINE, SALES_LINE, OPERATORS_LINE, ''], 'answers ' . json_encode(answers($t)));
    check($t['connected_to'] === '18585550103' && $t['duration'] === 5 + 20 + 10, 'the operators answered');
});

test('callcontrol: requests as POST form bodies are handled the same', function () {
    $server = new HandlerServer();
    $t = place_call($server, ['method' => 'POST', 'digits' => ['2'], 'callerIdName' => 'Jane Doe']);
    check_call_shape($t, 'connected');
    check($t['steps'][0]['request']['method'] === 'POST', 'POST');
    check(answers($t) === [MENU_LINE, SUPPORT_LINE, ''], 'answers ' . json_encode(answers($t)));
    check($t['connected_to'] === '18585550102', 'support');
});

test('callcontrol: a command the library refuses is a 500 the upstream reports back', function () {
    // A menu whose option 9 forwards to a number that is not E.164.
    $server = new HandlerServer(['options' => ['1' => ['command' => 'simple-forward', 'number' => '+18585550101'], '9' => ['command' => 'simple-forward', 'number' => '858-555-0199']]]);
    $t = place_call($server, ['digits' => ['9']]);
    check_call_shape($t, 'error');
    $refused = $t['steps'][1];
    check($refused['response']['status'] === 500, 'the handler answered 500');
    check(str_contains($refused['response']['body'], '`number`') && str_contains($refused['response']['body'], 'E.164'), 'the reason names the field and the rule: ' . $refused['response']['body']);
    check(!isset($refused['command']) && str_contains($refused['error'] ?? '', 'HTTP 500'), 'the upstream saw an error: ' . ($refused['error'] ?? ''));
    // The next request reports it; the handler logs it and says nothing more; the call ends.
    $report = $t['steps'][2];
    check(($report['request']['fields']['error'] ?? '') === $refused['error'], 'the error is reported on the next request');
    check($report['response']['status'] === 200 && $report['response']['body'] === '', 'nothing answered to the error');
    check(count($t['steps']) === 4 && $t['connected_to'] === null, 'then the end');
    $log = $server->requests($t['uniqueID']);
    check(array_column($log, 'event') === ['new_call', 'digits', 'error', 'completed'], 'events ' . json_encode(array_column($log, 'event')));
    check($log[1]['status'] === 500 && str_contains((string)$log[1]['error'], '`number`'), 'the refusal is logged');
    check($log[2]['error'] === $refused['error'], 'the reported error reached the handler');

    // The valid option of the same menu still works.
    $t = place_call($server, ['digits' => ['1']]);
    check_call_shape($t, 'connected');
    check($t['connected_to'] === '18585550101', 'option 1');
});

test('callcontrol: a request without uniqueID is refused with 400, the fields named', function () {
    $server = new HandlerServer();
    $context = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 10]]);
    $body = file_get_contents($server->url . '?callerIdNumber=%2B16195550199', false, $context);
    check(str_contains($http_response_header[0] ?? '', ' 400'), 'status ' . ($http_response_header[0] ?? ''));
    check(in_array('Content-Type: text/plain; charset=UTF-8', $http_response_header, true), 'text/plain');
    check(str_contains((string)$body, 'uniqueID') && str_contains((string)$body, 'dialedNumber'), "reason: $body");
    $log = array_map(fn ($l) => json_decode($l, true), file($server->log, FILE_IGNORE_NEW_LINES));
    check(count($log) === 1 && $log[0]['status'] === 400 && str_contains($log[0]['error'], 'uniqueID'), 'the refusal is logged');
});
