<?php
/**
 * PhoneCom: libphonecom for PHP, over FFI. Every catalog operation by its canonical name, PHP
 * arrays in and out; failures are exceptions (see Exceptions.php) with the structured fields.
 *
 *     require 'examples/php/autoload.php';
 *     $pc = PhoneCom\PhoneCom::fromEnv();
 *     $numbers = $pc->call('v4.list-available-phone-numbers', [
 *         'filters' => ['npa' => 'eq:858', 'price' => 'lt:149'],
 *         'sort' => ['price' => 'asc'],
 *         'limit' => 10,
 *     ]);
 *     foreach ($pc->items('v4.list-account-phone-numbers') as $number) { ... }
 */

declare(strict_types=1);

namespace PhoneCom;

use FFI;
use FFI\CData;

final class PhoneCom
{
    /** The phonecom_client handle. */
    private CData $client;
    /** The log callback, kept alive as long as the client. */
    private ?\Closure $logCallback;
    /** The exchange of the last successful call, once built (see lastResponse()). */
    private ?Response $lastResponse = null;
    /** A plain call's exchange, as a phonecom_response handle: read only if lastResponse() asks. */
    private ?CData $lastExchange = null;
    /** The result of the call $lastExchange belongs to. */
    private mixed $lastData = null;

    private function __construct(CData $client, ?\Closure $logCallback)
    {
        $this->client = $client;
        $this->logCallback = $logCallback;
    }

    public function __destruct()
    {
        $this->forgetExchange();
        Library::ffi()->phonecom_client_free($this->client);
    }

    /**
     * A client from a configuration document (JSON text or array), e.g. the sandbox's config
     * line. $log, when given, receives every request/response event as an array (secrets masked).
     */
    public static function fromJson(string|array $config, ?callable $log = null): self
    {
        $text = is_array($config) ? Library::encode($config) : $config;
        return self::build(fn ($out) => Library::ffi()->phonecom_client_builder_from_json($text, $out), $log);
    }

    /** A client from the PHONECOM_* environment variables. */
    public static function fromEnv(?callable $log = null): self
    {
        return self::build(fn ($out) => Library::ffi()->phonecom_client_builder_from_env($out), $log);
    }

    /**
     * A client from a JSON configuration file (e.g. the sandbox's config line saved to a file).
     * The library reads and checks it: a file that cannot be read, is not JSON or is not a valid
     * configuration throws a ValidationException naming the path, never the file's values.
     */
    public static function fromFile(string $path, ?callable $log = null): self
    {
        return self::build(fn ($out) => Library::ffi()->phonecom_client_builder_from_file($path, $out), $log);
    }

    private static function build(callable $start, ?callable $log): self
    {
        $ffi = Library::ffi();
        $builderOut = $ffi->new('phonecom_client_builder*');
        Library::check($start(FFI::addr($builderOut)));
        $callback = null;
        try {
            Library::check($ffi->phonecom_client_builder_set_binding($builderOut, 'php'));
            if ($log !== null) {
                $callback = static function ($userData, $event) use ($log): void {
                    $text = is_string($event) ? $event : FFI::string($event);
                    $log(json_decode($text, true));
                };
                Library::check($ffi->phonecom_client_builder_set_log($builderOut, $callback, null));
            }
            $clientOut = $ffi->new('phonecom_client*');
            Library::check($ffi->phonecom_client_builder_build($builderOut, FFI::addr($clientOut)));
        } finally {
            $ffi->phonecom_client_builder_free($builderOut);
        }
        return new self($clientOut, $callback);
    }

    /**
     * A client acting with another v4 token (e.g. the user's token from express.signup), sharing
     * this client's connection pool; $accountId becomes its default account when not 0.
     */
    public function withV4Token(string $token, int $accountId = 0): self
    {
        $out = Library::ffi()->new('phonecom_client*');
        Library::check(Library::ffi()->phonecom_client_with_v4_token($this->client, $token, $accountId, FFI::addr($out)));
        return new self($out, $this->logCallback);
    }

    /**
     * A client acting with another numbers.online key (e.g. the key nol.accountSignup returns
     * once, or a tenant's), sharing this client's connection pool; the key is masked in its
     * errors and logs. An empty or too-short key is refused with a ValidationException.
     */
    public function withNolKey(string $key): self
    {
        $out = Library::ffi()->new('phonecom_client*');
        Library::check(Library::ffi()->phonecom_client_with_nol_key($this->client, $key, FFI::addr($out)));
        return new self($out, $this->logCallback);
    }

    /**
     * Call any catalog operation; returns the decoded result. The whole exchange is then
     * lastResponse().
     */
    public function call(string $name, array|object $params = []): mixed
    {
        return $this->callKeepingExchange($name, $params, '{}');
    }

    /**
     * call() with per-call options, in the units of the configuration document:
     * ['attempt_timeout_ms' => 2000 (each attempt), 'deadline_ms' => 20000 (the whole call,
     * retries and waits included), 'max_attempts' => 1 (1 to 100; 1: no retry), 'headers' =>
     * ['Idempotency-Key' => 'order-4471'] (extra request headers; not those the library sets,
     * such as Authorization or User-Agent: name your app with the config's app_info)]. A bad
     * option throws a ValidationException naming it, before anything is sent.
     */
    public function callWith(string $name, array|object $params = [], array $options = []): mixed
    {
        return $this->callKeepingExchange($name, $params, Library::encode($options));
    }

    /**
     * A call whose result alone crosses FFI: its headers and body stay in the library behind a
     * phonecom_response handle until lastResponse() asks for them (most callers never do).
     */
    private function callKeepingExchange(string $name, array|object $params, string $options): mixed
    {
        $ffi = Library::ffi();
        $out = $ffi->new('char*');
        $exchange = $ffi->new('phonecom_response*');
        Library::check($ffi->phonecom_call_with_exchange(
            $this->client,
            $name,
            Library::encode($params),
            $options,
            FFI::addr($out),
            FFI::addr($exchange),
        ));
        try {
            $data = json_decode(Library::take($out), true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (\Throwable $e) {
            $ffi->phonecom_response_free($exchange);
            throw $e;
        }
        $this->forgetExchange();
        $this->lastResponse = null;
        $this->lastExchange = $exchange;
        $this->lastData = $data;
        return $data;
    }

    /** Free the handle of a plain call's exchange, if one is kept. */
    private function forgetExchange(): void
    {
        if ($this->lastExchange !== null) {
            Library::ffi()->phonecom_response_free($this->lastExchange);
            $this->lastExchange = null;
            $this->lastData = null;
        }
    }

    /**
     * callWith() returning the whole exchange: the result ($r->data), HTTP status, request id,
     * attempts, response headers (credentials masked) and raw body (see Response).
     */
    public function callWithResponse(string $name, array|object $params = [], array $options = []): Response
    {
        $json = Library::encode($params);
        $opts = Library::encode($options);
        $response = Library::outJson(
            fn ($out) => Library::ffi()->phonecom_call_with_response($this->client, $name, $json, $opts, $out)
        );
        $this->forgetExchange();
        return $this->lastResponse = Response::fromArray($response);
    }

    /**
     * The exchange of this client's last successful call (call(), callWith() or
     * callWithResponse()), or null before the first. A failed call leaves it as it was: its
     * details are on the exception ($e->httpStatus, $e->requestId, $e->rawBody).
     */
    public function lastResponse(): ?Response
    {
        if ($this->lastExchange !== null) {
            $exchange = Library::outJson(
                fn ($out) => Library::ffi()->phonecom_response_json($this->lastExchange, $out)
            );
            $this->lastResponse = Response::fromArray(['data' => $this->lastData] + $exchange);
            $this->forgetExchange();
        }
        return $this->lastResponse;
    }

    /**
     * Walk a list operation page by page (each page: items, total, offset, limit, request_id);
     * 'limit' in $params is the page size. Pages are fetched as the loop asks for them.
     *
     * $onProgress, when given, is called after each page, before the page is yielded, with
     * ['pages' => pages so far, 'rows' => rows so far, 'total' => rows the whole walk yields, or
     * null when the upstream reports no total]; an exception it throws ends the walk:
     *
     *     foreach ($pc->items('v4.list-available-phone-numbers', ['limit' => 500],
     *         fn (array $p) => printf("%d of %d rows\n", $p['rows'], $p['total'])) as $n) { ... }
     */
    public function pages(string $name, array $params = [], ?callable $onProgress = null): \Generator
    {
        $ffi = Library::ffi();
        $json = Library::encode($params);
        $pager = $ffi->new('phonecom_pager*');
        Library::check($ffi->phonecom_pager_new($this->client, $name, $json, FFI::addr($pager)));
        try {
            while (true) {
                $out = $ffi->new('char*');
                $status = $ffi->phonecom_pager_next($pager, FFI::addr($out));
                if ($status === $ffi->PHONECOM_END_OF_PAGES) {
                    return;
                }
                Library::check($status);
                $page = json_decode(Library::take($out), true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
                if ($onProgress !== null) {
                    $onProgress(self::progress($pager));
                }
                yield $page;
            }
        } finally {
            $ffi->phonecom_pager_free($pager);
        }
    }

    /** The progress of a pager: ['pages' => int, 'rows' => int, 'total' => ?int]. */
    private static function progress(CData $pager): array
    {
        $ffi = Library::ffi();
        $p = $ffi->new('phonecom_progress');
        Library::check($ffi->phonecom_pager_progress($pager, FFI::addr($p)));
        return ['pages' => $p->pages, 'rows' => $p->rows, 'total' => $p->total_known ? $p->total : null];
    }

    /** Every row of a list operation, lazily; $onProgress as for pages(). */
    public function items(string $name, array $params = [], ?callable $onProgress = null): \Generator
    {
        foreach ($this->pages($name, $params, $onProgress) as $page) {
            yield from $page['items'];
        }
    }

    /**
     * What this client talks to, without any secret: ['v4' => ['base_url' => ..., 'credentials'
     * => true|false, 'account_id' => ...], 'oauth' => ['base_url' => ...], 'xml' => [...],
     * 'v1' => [...], 'nol' => [...]] (`credentials` says whether one is configured, never what).
     */
    public function describe(): array
    {
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_client_describe_json($this->client, $out));
    }

    /**
     * What var_dump() and print_r() show: the families' base URLs, the default account and the
     * User-Agent; never a token, key or password.
     */
    public function __debugInfo(): array
    {
        return ['families' => $this->describe(), 'userAgent' => $this->userAgent()];
    }

    /** The User-Agent this client sends. */
    public function userAgent(): string
    {
        return Library::outString(fn ($out) => Library::ffi()->phonecom_client_user_agent($this->client, $out));
    }

    /** The library's version. */
    public static function version(): string
    {
        return Library::ffi()->phonecom_version();
    }

    /** Every operation of the catalog: ['version' => ..., 'operations' => [...]]. */
    public static function catalog(): array
    {
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_catalog_json($out));
    }

    /** One catalog entry. */
    public static function operation(string $name): array
    {
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_operation_json($name, $out));
    }

    /** The Express Sign-Up user name "<partner>-<userId>". */
    public static function expressUsername(string $partner, string $userId): string
    {
        return Library::outString(fn ($out) => Library::ffi()->phonecom_express_username($partner, $userId, $out));
    }

    /**
     * A random password (16 to 4096 characters) from the OS's secure generator. Throws a
     * ValidationException naming `length` otherwise; a negative length is refused here, since
     * the C size_t parameter would read -1 as 18446744073709551615.
     */
    public static function generatePassword(int $length = 32): string
    {
        if ($length < 0) {
            $message = "[validation] express.signup: `length` must be from 16 to 4096 (got $length)";
            throw new ValidationException(1, [
                'kind' => 'validation',
                'message' => $message,
                'family' => 'express',
                'operation' => 'express.signup',
                'fields' => [['field' => 'length', 'message' => "must be from 16 to 4096 (got $length)"]],
            ]);
        }
        return Library::outString(fn ($out) => Library::ffi()->phonecom_express_generate_password($length, $out));
    }

    /** Check a contact against the Express Sign-Up rules; returns it as the library sends it. */
    public static function validateContact(array $contact): array
    {
        $json = Library::encode($contact);
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_express_validate_contact($json, $out));
    }

    /** Throw a ValidationException unless $number is E.164. */
    public static function e164Check(string $number): void
    {
        Library::check(Library::ffi()->phonecom_e164_check($number));
    }

    /** A human-written number as E.164 ("(858) 555-0100" -> "+18585550100"). */
    public static function e164Normalize(string $number): string
    {
        return Library::outString(fn ($out) => Library::ffi()->phonecom_e164_normalize($number, $out));
    }

    /** Whether an E.164 number is North American. */
    public static function isNanpa(string $number): bool
    {
        $out = Library::ffi()->new('bool');
        Library::check(Library::ffi()->phonecom_e164_is_nanpa($number, FFI::addr($out)));
        return (bool)$out->cdata;
    }

    /** A vanity pattern as keypad digits ("1-800-FLOWERS" -> "18003569377"). */
    public static function vanityToDigits(string $pattern): string
    {
        return Library::outString(fn ($out) => Library::ffi()->phonecom_vanity_to_digits($pattern, $out));
    }

    /**
     * Parse a call-control request from Phone.com (its query string, a whole URL, or its form
     * body): ['event' => 'new_call'|'command_result'|'digits'|'completed'|'error', 'uniqueID',
     * 'dialedNumber', 'callerIdNumber', 'callerIdName', 'previous-response', 'digits',
     * 'duration', 'error', 'extra' => [...]].
     */
    public static function callControlParse(string $queryOrBody): array
    {
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_callcontrol_parse($queryOrBody, $out));
    }

    /**
     * The text/plain line answering Phone.com, from a command such as
     * ['command' => 'simple-forward', 'number' => '+18585602222', 'dtmf' => 'ww123'].
     */
    public static function callControlRender(array $command): string
    {
        $json = Library::encode($command);
        return Library::outString(fn ($out) => Library::ffi()->phonecom_callcontrol_render($json, $out));
    }

    /** A command line (e.g. a request's previous-response) back as a command array. */
    public static function callControlParseCommand(string $line): array
    {
        return Library::outJson(fn ($out) => Library::ffi()->phonecom_callcontrol_parse_command($line, $out));
    }
}
