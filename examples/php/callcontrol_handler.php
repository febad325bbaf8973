<?php
/**
 * A call-control handler in PHP: a reception menu answering Phone.com's call-control requests,
 * built on the PhoneCom package's call-control functions (parse the request, render the command,
 * read a previous command back, all in libphonecom over FFI). Serve it with PHP's built-in
 * server on loopback (FFI must be enabled for the server, not only the CLI):
 *
 *     php -d ffi.enable=1 -S 127.0.0.1:8080 examples/php/callcontrol_handler.php
 *
 * then point the number's call-control URL at http://127.0.0.1:8080/. Against the sandbox:
 *
 *     curl -d '{"url": "http://127.0.0.1:8080/", "digits": ["1"]}' {sandbox}/_sandbox/callcontrol/calls
 *
 * The call:
 *   1. a new call hears the menu (`play-and-get-digits,Main Menu,D`);
 *   2. the digit picks the line (default menu: 1 sales, 2 support, 0 the operators); an unknown
 *      digit replays the menu once with the "Invalid Entry" recording, then goes to the operators,
 *      as does silence;
 *   3. a forward that is not answered (busy, no answer) falls back to the operators; when the
 *      operators do not answer either, the handler hangs up (an empty answer);
 *   4. the end of the call and reported errors are logged and answered with nothing.
 *
 * Failures answer as the core's `callcontrol::handle` does: 400 with the reason when the request
 * cannot be parsed (e.g. no uniqueID), 500 with the reason when the configured command does not
 * pass the library's checks (the upstream then reports the error on its next request).
 *
 * Environment: PHONECOM_LIB and PHONECOM_PHP_HEADER (see php/src/Library.php); CALLCONTROL_MENU, a
 * JSON file replacing the default menu (same shape as DEFAULT_MENU); CALLCONTROL_LOG, a file
 * receiving one JSON line per request: {"event", "uniqueID", "status", "answer", "error"}.
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\ValidationException;

/** Commands in the JSON form of PhoneCom::callControlRender. */
const DEFAULT_MENU = [
    'recording' => 'Main Menu',
    'retry_recording' => 'Invalid Entry',
    'options' => [
        '1' => ['command' => 'simple-forward-voicetag', 'text' => 'Sales call', 'number' => '+18585550101'],
        '2' => ['command' => 'simple-forward', 'number' => '+18585550102', 'dtmf' => 'ww101'],
        '0' => ['command' => 'multiple-forward', 'numbers' => ['+18585550103', '+18585550104']],
    ],
    'operators' => ['command' => 'multiple-forward-voicetag', 'text' => 'Reception', 'numbers' => ['+18585550103', '+18585550104']],
];

/** The menu: CALLCONTROL_MENU's JSON file, else DEFAULT_MENU. */
function menu(): array
{
    $path = getenv('CALLCONTROL_MENU');
    if (!$path) {
        return DEFAULT_MENU;
    }
    return json_decode((string)file_get_contents($path), true, 64, JSON_THROW_ON_ERROR) + DEFAULT_MENU;
}

/** The menu prompt, with one of the menu's recordings. */
function prompt(string $recording): array
{
    return ['command' => 'play-and-get-digits', 'recording' => $recording, 'patterns' => ['D']];
}

/**
 * The command answering a parsed request (PhoneCom::callControlParse's array), or null for an
 * empty answer (nothing more to do).
 */
function answer_for(array $call, array $menu): ?array
{
    $previous = (string)$call['previous-response'];
    switch ($call['event']) {
        case 'new_call':
            return prompt($menu['recording']);
        case 'digits':
            $digits = (string)$call['digits'];
            if (isset($menu['options'][$digits])) {
                return $menu['options'][$digits];
            }
            // Silence goes straight to the operators; a wrong key hears the menu once more.
            try {
                $played = PhoneCom::callControlParseCommand($previous);
            } catch (ValidationException) {
                $played = [];
            }
            $replayed = ($played['recording'] ?? null) === $menu['retry_recording'];
            return $digits === '' || $replayed ? $menu['operators'] : prompt($menu['retry_recording']);
        case 'command_result':
            // A forward was not answered: try the operators, unless they were the ones called.
            return $previous === PhoneCom::callControlRender($menu['operators']) ? null : $menu['operators'];
        default:
            // completed, error: nothing to say.
            return null;
    }
}

/** Append one line to CALLCONTROL_LOG, when set. */
function log_request(array $entry): void
{
    $path = getenv('CALLCONTROL_LOG');
    if ($path) {
        file_put_contents($path, json_encode($entry, JSON_UNESCAPED_SLASHES) . "\n", FILE_APPEND | LOCK_EX);
    }
}

/** Handle one request: its query string and (POST) form body. Returns [status, body]. */
function handle_request(string $query, string $body): array
{
    $input = implode('&', array_filter([$query, $body], fn ($part) => $part !== ''));
    try {
        $call = PhoneCom::callControlParse($input);
    } catch (ValidationException $e) {
        log_request(['event' => null, 'uniqueID' => null, 'status' => 400, 'answer' => '', 'error' => $e->getMessage()]);
        return [400, $e->getMessage()];
    }
    $entry = ['event' => $call['event'], 'uniqueID' => $call['uniqueID'], 'error' => $call['error']];
    try {
        $command = answer_for($call, menu());
        $line = $command === null ? '' : PhoneCom::callControlRender($command);
        $answer = [200, $line];
    } catch (\Throwable $e) {
        $answer = [500, $e->getMessage()];
        $entry['error'] = $e->getMessage();
    }
    log_request($entry + ['status' => $answer[0], 'answer' => $answer[1]]);
    return $answer;
}

if (PHP_SAPI === 'cli-server') {
    $body = $_SERVER['REQUEST_METHOD'] === 'POST' ? (string)file_get_contents('php://input') : '';
    [$status, $text] = handle_request((string)($_SERVER['QUERY_STRING'] ?? ''), $body);
    http_response_code($status);
    header('Content-Type: text/plain; charset=UTF-8');
    echo $text;
    return true;
}
fwrite(STDERR, "serve this file with: php -d ffi.enable=1 -S 127.0.0.1:8080 " . __FILE__ . "\n");
exit(2);
