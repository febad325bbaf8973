<?php
/**
 * The sandbox shipped with the package: a local, stateful stand-in for every Phone.com service,
 * for developing before you have credentials, and its admin API (faults, recorded requests, the
 * clock, rate limits, reset, call-control calls).
 *
 *     $sandbox = PhoneCom\Sandbox::start();          // waits for its config line
 *     $client = PhoneCom\PhoneCom::fromJson($sandbox->config());
 *     $sandbox->queueFault(status: 503, path: '/v4/accounts');   // the next call fails once...
 *     $client->call('v4.get-account');                             // ...and the client retries it
 *     array_column($sandbox->requests(), 'status');                // [503, 200]
 *     $sandbox->stop();                              // or let it go out of scope
 *
 * Sandbox::attach('http://127.0.0.1:8080') drives a sandbox that is already running. Every admin
 * method is one HTTP request to /_sandbox/...; a refusal throws SandboxException with the
 * sandbox's message.
 *
 * The binary is $PHONECOM_SANDBOX_BIN when set, else the one bundled with the Composer package
 * (bin/phonecom-sandbox next to src/), else `phonecom-sandbox` on PATH (the Debian package and the
 * C tarball install one). It runs with --exit-on-eof: it stops when this process closes its stdin,
 * so it never outlives the script. Its console (a line per request, on stderr) goes to a temporary
 * file, removed by stop(), whose end is in the exception when the sandbox fails to start;
 * start(console: true) lets it through to this process's stderr instead.
 */

declare(strict_types=1);

namespace PhoneCom;

/** The sandbox refused an admin request, could not be reached, or did not start. */
final class SandboxException extends \RuntimeException
{
    /**
     * @param string $sandboxMessage the sandbox's own words
     * @param ?int $httpStatus the status of the refusal (null without an answer)
     */
    public function __construct(
        public readonly string $sandboxMessage,
        public readonly ?int $httpStatus = null,
        public readonly ?string $method = null,
        public readonly ?string $path = null,
    ) {
        $where = $method !== null && $path !== null ? "$method $path: " : '';
        $answered = $httpStatus !== null ? "answered $httpStatus: " : '';
        parent::__construct("phonecom sandbox: $where$answered$sandboxMessage");
    }
}

final class Sandbox
{
    /** The path prefix of each family on the sandbox: queueFault(family: 'xml') matches these. */
    public const FAMILY_PATHS = ['v4' => '/v4', 'oauth' => '/oauth', 'xml' => '/special/xmlapi', 'v1' => '/v1', 'nol' => '/api'];

    private const ACTIONS = ['reset_before', 'reset_after', 'malformed', 'truncated'];
    /** Bytes of the console kept for a start error (the newest). */
    private const TAIL_BYTES = 4000;

    /** @var resource|null */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    private string $configLine;
    private string $url;
    private ?string $consoleFile;

    /** @param array<int, resource> $pipes @param resource|null $process */
    private function __construct($process, array $pipes, string $configLine, string $url, ?string $consoleFile)
    {
        $this->process = $process;
        $this->pipes = $pipes;
        $this->configLine = $configLine;
        $this->url = $url;
        $this->consoleFile = $consoleFile;
    }

    public function __destruct()
    {
        $this->stop();
    }

    /** The binary start() runs. */
    public static function binary(): string
    {
        $env = getenv('PHONECOM_SANDBOX_BIN');
        if ($env) {
            return $env;
        }
        $bundled = __DIR__ . '/../bin/phonecom-sandbox';
        if (is_file($bundled)) {
            // An archive extracted without modes loses the executable bit.
            if (!is_executable($bundled)) {
                @chmod($bundled, 0755);
            }
            return $bundled;
        }
        return 'phonecom-sandbox';
    }

    /**
     * Start a sandbox and wait for its config line.
     *
     * @param ?int $seed the same seed gives the same credentials and number inventory (default 1)
     * @param int $port the loopback port; 0 for any free one
     * @param bool $rateLimit enforce the upstream rate limits
     * @param bool $console show the sandbox's console (a line per request) on this process's stderr
     * @param ?string $binary the executable (default: self::binary())
     * @throws SandboxException when it cannot run or exits first (with the end of its console)
     */
    public static function start(?int $seed = null, int $port = 0, bool $rateLimit = false, bool $console = false, ?string $binary = null): self
    {
        $binary ??= self::binary();
        $command = [$binary, '--exit-on-eof', '--port', (string)$port];
        if ($seed !== null) {
            array_push($command, '--seed', (string)$seed);
        }
        if ($rateLimit) {
            $command[] = '--rate-limit';
        }
        $consoleFile = $console ? null : tempnam(sys_get_temp_dir(), 'phonecom-sandbox-');
        $stderr = $consoleFile === null ? fopen('php://stderr', 'w') : ['file', $consoleFile, 'a'];
        $process = @proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => $stderr], $pipes);
        if (!is_resource($process)) {
            self::removeFile($consoleFile);
            throw new SandboxException("cannot run $binary; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary");
        }
        $line = fgets($pipes[1]);
        $config = $line === false ? null : json_decode($line, true);
        if (!is_array($config) || !isset($config['v4']['base_url'])) {
            fclose($pipes[0]);
            fclose($pipes[1]);
            proc_terminate($process);
            $status = proc_close($process);
            $why = $line === false ? 'exited before printing its config' : 'printed a first line that is not its config';
            if ($status === 127) {
                $why = 'could not be run (not found or not executable; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary)';
            }
            $tail = self::consoleTail($consoleFile);
            self::removeFile($consoleFile);
            throw new SandboxException("$binary $why (status $status)$tail");
        }
        return new self($process, $pipes, trim($line), self::origin($config['v4']['base_url']), $consoleFile);
    }

    /**
     * A sandbox already running at $url (http://HOST:PORT; a path is ignored): reads its config.
     *
     * @throws SandboxException when nothing answers there
     */
    public static function attach(string $url, float $timeout = 10.0): self
    {
        $sandbox = new self(null, [], '', self::origin($url), null);
        $sandbox->configLine = json_encode($sandbox->admin('GET', '/config', null, $timeout), JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        return $sandbox;
    }

    /** The config line as JSON text: PhoneCom::fromJson($sandbox->configJson()). */
    public function configJson(): string
    {
        return $this->configLine;
    }

    /** The config line decoded: PhoneCom::fromJson($sandbox->config()). */
    public function config(): array
    {
        return json_decode($this->configLine, true, 512, JSON_THROW_ON_ERROR);
    }

    /** The sandbox's origin, http://127.0.0.1:PORT. */
    public function url(): string
    {
        return $this->url;
    }

    /** Stop a sandbox this process started (closes its stdin) and wait for it to exit; nothing for an attached one. */
    public function stop(): void
    {
        if ($this->process === null) {
            return;
        }
        fclose($this->pipes[0]);
        fclose($this->pipes[1]);
        proc_close($this->process);
        $this->process = null;
        self::removeFile($this->consoleFile);
        $this->consoleFile = null;
    }

    /**
     * One admin request: admin('GET', '/xml') is GET /_sandbox/xml. The methods below cover the
     * documented routes; this reaches any other (the families' own, newer ones).
     *
     * @return mixed the decoded JSON answer (null for an empty one)
     * @throws SandboxException with the sandbox's message when it refuses, or when nothing answers
     */
    public function admin(string $method, string $route, ?array $body = null, float $timeout = 10.0): mixed
    {
        $path = '/_sandbox' . $route;
        if (!filter_var(ini_get('allow_url_fopen'), FILTER_VALIDATE_BOOLEAN)) {
            throw new SandboxException('the admin API needs allow_url_fopen=1 (php.ini)', null, $method, $path);
        }
        $http = ['method' => $method, 'ignore_errors' => true, 'timeout' => $timeout, 'header' => "Connection: close\r\n"];
        if ($body !== null) {
            $http['header'] .= "Content-Type: application/json\r\n";
            $http['content'] = json_encode((object)$body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        }
        $text = @file_get_contents($this->url . $path, false, stream_context_create(['http' => $http]));
        if ($text === false) {
            $why = error_get_last()['message'] ?? 'no answer';
            throw new SandboxException("no sandbox answered at {$this->url} ($why)", null, $method, $path);
        }
        $headers = function_exists('http_get_last_response_headers') ? http_get_last_response_headers() : ($http_response_header ?? []);
        $status = preg_match('#^HTTP/\S+ (\d{3})#', $headers[0] ?? '', $m) ? (int)$m[1] : 0;
        $decoded = $text === '' ? null : json_decode($text, true);
        if ($status < 200 || $status > 299) {
            $message = is_array($decoded) && isset($decoded['error']) ? (string)$decoded['error'] : (trim($text) ?: 'no message');
            throw new SandboxException($message, $status, $method, $path);
        }
        return $decoded;
    }

    /** @return array{status: string, seed: int} */
    public function health(): array
    {
        return $this->admin('GET', '/health');
    }

    /** The client config, read again from the sandbox (the same as config()). */
    public function fetchConfig(): array
    {
        return $this->admin('GET', '/config');
    }

    /**
     * Make the next $times matching requests misbehave; returns the queued fault
     * (['id', 'method', 'path', 'fault', 'remaining']).
     *
     * What happens: $status (400-599) answered in the family's own error shape, with $message as
     * its text or $code as the family's error code, and $retryAfter seconds; $latencyMs of delay
     * first; $action 'reset_before' (close unanswered, unprocessed), 'reset_after' (process, then
     * close), 'malformed' (a body cut in half), 'truncated' (fewer bytes than announced); $echo an
     * error repeating the request's values. Or a raw $spec ('status=429;retry_after=2', the
     * X-Sandbox-Fault syntax) instead.
     * Which requests: $family ('v4', 'oauth', 'xml', 'v1', 'nol') or $path (a prefix such as
     * '/v4/accounts'), and $method; none of them: any request.
     *
     *     $sandbox->queueFault(status: 503, message: 'down', family: 'v4', times: 2);
     *
     * @throws \InvalidArgumentException for arguments the spec cannot carry (named in the message)
     * @throws SandboxException when the sandbox refuses the fault
     */
    public function queueFault(
        ?string $spec = null,
        ?int $status = null,
        ?string $message = null,
        ?string $code = null,
        ?int $retryAfter = null,
        ?int $latencyMs = null,
        ?string $action = null,
        bool $echo = false,
        ?string $family = null,
        ?string $path = null,
        ?string $method = null,
        int $times = 1,
    ): array {
        $parts = [];
        if ($latencyMs !== null) {
            if ($latencyMs < 0) {
                throw new \InvalidArgumentException("latencyMs: must be 0 or more, got $latencyMs");
            }
            $parts[] = "latency=$latencyMs";
        }
        if ($status !== null) {
            $parts[] = "status=$status";
        }
        if ($retryAfter !== null) {
            $parts[] = "retry_after=$retryAfter";
        }
        foreach (['code' => $code, 'message' => $message] as $name => $value) {
            if ($value !== null) {
                if (str_contains($value, ';')) {
                    throw new \InvalidArgumentException("$name: may not contain ';' (it separates the parts of a fault)");
                }
                $parts[] = "$name=$value";
            }
        }
        if ($action !== null) {
            if (!in_array($action, self::ACTIONS, true)) {
                throw new \InvalidArgumentException('action: must be ' . implode(', ', self::ACTIONS) . ", got $action");
            }
            $parts[] = $action;
        }
        if ($echo) {
            $parts[] = 'echo';
        }
        if ($spec !== null && $parts) {
            throw new \InvalidArgumentException('spec: give a spec string or the typed fields (status, message, ...), not both');
        }
        if ($spec === null && !$parts) {
            throw new \InvalidArgumentException('queueFault: say what goes wrong (status, latencyMs, action, echo, or a spec string)');
        }
        if ($family !== null) {
            if ($path !== null) {
                throw new \InvalidArgumentException('family, path: give one of them (a family stands for its path prefix)');
            }
            if (!isset(self::FAMILY_PATHS[$family])) {
                throw new \InvalidArgumentException('family: must be one of ' . implode(', ', array_keys(self::FAMILY_PATHS)) . ", got $family");
            }
            $path = self::FAMILY_PATHS[$family];
        }
        $body = ['fault' => $spec ?? implode(';', $parts), 'times' => $times, 'method' => $method === null ? null : strtoupper($method), 'path' => $path];
        return $this->admin('POST', '/faults', array_filter($body, fn($v) => $v !== null));
    }

    /** The faults still queued, oldest first, each with how many uses it has left. */
    public function faults(): array
    {
        return $this->admin('GET', '/faults')['faults'];
    }

    /** Drop every queued fault. */
    public function clearFaults(): void
    {
        $this->admin('DELETE', '/faults');
    }

    /**
     * The requests the sandbox received (secrets masked), oldest first: each has 'seq', 'method',
     * 'path', 'query', 'headers', 'body', 'fault' (applied, or null) and 'status'.
     *
     * @param ?int $since only those after this 'seq' (the last one you saw)
     * @param ?string $family only that family's: 'v4', 'oauth', 'xml', 'v1', 'nol'
     * @param int|string|null $status only that status: 503, '5xx', or 'error' (400 and up, or no answer)
     * @param ?int $limit the newest N of those
     */
    public function requests(?int $since = null, ?string $family = null, int|string|null $status = null, ?int $limit = null): array
    {
        if ($family !== null && !isset(self::FAMILY_PATHS[$family])) {
            throw new \InvalidArgumentException('family: must be one of ' . implode(', ', array_keys(self::FAMILY_PATHS)) . ", got $family");
        }
        return $this->admin('GET', '/requests' . self::query(['since' => $since, 'family' => $family, 'status' => $status, 'limit' => $limit]))['requests'];
    }

    /** Forget the recorded requests. */
    public function clearRequests(): void
    {
        $this->admin('DELETE', '/requests');
    }

    /** @return array{now: int, now_rfc3339: string, offset_s: int} the sandbox clock (Unix seconds) */
    public function clock(): array
    {
        return $this->admin('GET', '/clock');
    }

    /** Move the sandbox clock by $seconds (negative: back); returns the new clock. */
    public function advanceClock(int $seconds): array
    {
        return $this->admin('POST', '/clock', ['advance_s' => $seconds]);
    }

    /** Set the sandbox clock to real time plus $seconds (0: back to real time). */
    public function setClockOffset(int $seconds): array
    {
        return $this->admin('POST', '/clock', ['offset_s' => $seconds]);
    }

    /** @return array{enabled: bool, per_endpoint: int, window_s: int, total: int, total_window_s: int} */
    public function rateLimit(): array
    {
        return $this->admin('GET', '/rate-limit');
    }

    /**
     * Change the given rate-limit settings (the rest stay) and restart the counters; returns them
     * all: $perEndpoint requests per account and endpoint per $windowSeconds, $total per
     * $totalWindowSeconds.
     */
    public function setRateLimit(?bool $enabled = null, ?int $perEndpoint = null, ?int $windowSeconds = null, ?int $total = null, ?int $totalWindowSeconds = null): array
    {
        $settings = ['enabled' => $enabled, 'per_endpoint' => $perEndpoint, 'window_s' => $windowSeconds, 'total' => $total, 'total_window_s' => $totalWindowSeconds];
        return $this->admin('POST', '/rate-limit', array_filter($settings, fn($v) => $v !== null));
    }

    /**
     * What the dashboard shows, secrets masked: the overview (config, base URLs, clock, counts per
     * resource, queued faults, rate limits), or one $section ('v4', 'xml', 'callcontrol', 'v1',
     * 'nol'); 'v4' takes ['q' => ..., 'category' => ...] to filter the inventory.
     */
    public function state(?string $section = null, array $filters = []): array
    {
        $route = $section === null ? '/state' : '/state/' . rawurlencode($section);
        return $this->admin('GET', $route . self::query($filters));
    }

    /** Everything back to the seeded start: every family's state, faults, requests, clock and limits. */
    public function reset(): void
    {
        $this->admin('POST', '/reset');
    }

    /**
     * Place a call-control call on $url (your handler) the way Phone.com does, follow the commands
     * it answers, and return the transcript ('outcome', 'steps': request fields and command each).
     *
     * @param list<string> $digits what the caller keys in, one entry per prompt
     * @param ?string $method 'GET' (default) or 'POST'
     * @param ?string $dialedNumber default: the sandbox account's first number
     * @param list<string> $forwardResults 'answered', 'no-answer' or 'busy' for each forward
     * @param ?int $talkSeconds length of a connected call (default 30)
     * @param ?int $maxRequests requests to your URL at most (default 20)
     * @param ?int $timeoutMs per request to your URL (default 5000)
     */
    public function driveCall(
        string $url,
        array $digits = [],
        ?string $method = null,
        ?string $dialedNumber = null,
        ?string $callerIdNumber = null,
        ?string $callerIdName = null,
        array $forwardResults = [],
        ?int $talkSeconds = null,
        ?int $maxRequests = null,
        ?int $timeoutMs = null,
    ): array {
        $body = [
            'url' => $url, 'digits' => $digits ?: null, 'method' => $method, 'dialedNumber' => $dialedNumber,
            'callerIdNumber' => $callerIdNumber, 'callerIdName' => $callerIdName,
            'forwardResults' => $forwardResults ?: null, 'talkSeconds' => $talkSeconds,
            'maxRequests' => $maxRequests, 'timeoutMs' => $timeoutMs,
        ];
        // The sandbox waits up to timeoutMs for each of maxRequests requests to the handler.
        $bound = ($timeoutMs ?? 5000) / 1000 * ($maxRequests ?? 20) + 10;
        return $this->admin('POST', '/callcontrol/calls', array_filter($body, fn($v) => $v !== null), $bound);
    }

    /** The transcripts of the call-control calls driven so far, oldest first. */
    public function calls(): array
    {
        return $this->admin('GET', '/callcontrol/calls')['calls'];
    }

    /** One call's transcript by its uniqueID. */
    public function call(string $uniqueId): array
    {
        return $this->admin('GET', '/callcontrol/calls/' . rawurlencode($uniqueId));
    }

    /** Forget the call-control transcripts. */
    public function clearCalls(): void
    {
        $this->admin('DELETE', '/callcontrol/calls');
    }

    /** '?a=1&b=2' of the non-null entries ('' when none). */
    private static function query(array $params): string
    {
        $given = array_filter($params, fn($v) => $v !== null);
        return $given ? '?' . http_build_query($given) : '';
    }

    private static function origin(string $url): string
    {
        $parts = parse_url($url);
        if (!is_array($parts) || !in_array($parts['scheme'] ?? '', ['http', 'https'], true) || !isset($parts['host'])) {
            throw new \InvalidArgumentException("url: must be the sandbox's http://HOST:PORT, got $url");
        }
        return $parts['scheme'] . '://' . $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
    }

    private static function consoleTail(?string $file): string
    {
        if ($file === null) {
            return ' (its console went to stderr)';
        }
        $size = (int)@filesize($file);
        $text = trim((string)@file_get_contents($file, false, null, max(0, $size - self::TAIL_BYTES)));
        return $text === '' ? '; it printed nothing on stderr' : ":\n$text";
    }

    private static function removeFile(?string $file): void
    {
        if ($file !== null) {
            @unlink($file);
        }
    }
}
