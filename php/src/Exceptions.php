<?php
/**
 * The exceptions of the PHP package: one class per error kind of libphonecom, each carrying the
 * structured fields of the library's error JSON. The kind classes, their names (one scheme across
 * PHP, Python and Node: `RateLimitedException`, `RateLimitedError`) and the field list are
 * generated from the core's table (core/src/error_table.rs) by scripts/regen.sh; the old names
 * (`PermissionException`) remain as aliases of the same classes.
 *
 *     use PhoneCom\PhoneCom;
 *
 *     try {
 *         $pc->call('v4.get-account-extension', ['extension_id' => 42]);
 *     } catch (PhoneCom\NotFoundException $e) {
 *         echo $e->httpStatus, ' ', $e->requestId;
 *     } catch (PhoneCom\PhoneComException $e) {
 *         echo $e->kind, ': ', $e->getMessage();
 *     }
 */

declare(strict_types=1);

namespace PhoneCom;

/** Any failure reported by libphonecom. */
class PhoneComException extends \RuntimeException
{
    /** The stable kind: "validation", "not_found", "rate_limited", "null_argument", ... */
    public readonly string $kind;
    /** The library's status value (phonecom_status). */
    public readonly int $status;
    /** The API family ("v4", "oauth", "express", ...), when known. */
    public readonly ?string $family;
    /** The canonical operation name, when known. */
    public readonly ?string $operation;
    /** The HTTP status of the failed response. */
    public readonly ?int $httpStatus;
    /** The upstream's own error code. */
    public readonly ?string $upstreamCode;
    /** The upstream's own message. */
    public readonly ?string $upstreamMessage;
    /** Field errors: a list of ['field' => ..., 'message' => ...]. */
    public readonly array $fields;
    /** Seconds the upstream asked to wait before retrying. */
    public readonly ?float $retryAfter;
    /** The request id of the failed exchange. */
    public readonly ?string $requestId;
    /** Whether trying again later could succeed. */
    public readonly bool $retryable;
    /** A bounded prefix of the raw response body (decode errors). */
    public readonly ?string $rawBody;
    /** How many times the request was sent (0 when refused before sending). */
    public readonly int $attempts;
    /** A page that explains the error, when the upstream gave one. */
    public readonly ?string $docUrl;
    /** Further structured facts the upstream or the library gave (an array, [] when none). */
    public readonly array $details;
    /** The whole error JSON, decoded. */
    public readonly array $error;

    /** Build from the library's status and error JSON (phonecom_last_error_json). */
    public function __construct(int $status, array $error)
    {
        parent::__construct((string)($error['message'] ?? 'libphonecom failure'), $status);
        $this->status = $status;
        $this->error = $error;
        $this->kind = (string)($error['kind'] ?? 'unknown');
        $this->family = $error['family'] ?? null;
        $this->operation = $error['operation'] ?? null;
        $this->httpStatus = isset($error['status']) ? (int)$error['status'] : null;
        $this->upstreamCode = $error['upstream_code'] ?? null;
        $this->upstreamMessage = $error['upstream_message'] ?? null;
        $this->fields = $error['fields'] ?? [];
        $this->retryAfter = isset($error['retry_after']) ? (float)$error['retry_after'] : null;
        $this->requestId = $error['request_id'] ?? null;
        $this->retryable = (bool)($error['retryable'] ?? false);
        $this->rawBody = $error['raw_body'] ?? null;
        $this->attempts = (int)($error['attempts'] ?? 0);
        $this->docUrl = $error['doc_url'] ?? null;
        $this->details = is_array($error['details'] ?? null) ? $error['details'] : [];
    }

    /** The exception class for an error kind. */
    public static function classFor(string $kind): string
    {
        return ErrorTable::CLASSES[$kind] ?? match ($kind) {
            'null_argument', 'invalid_utf8', 'invalid_json', 'interior_nul' => UsageException::class,
            'panic' => InternalException::class,
            default => PhoneComException::class,
        };
    }
}

// --- generated from core/src/error_table.rs by scripts/regen.sh: do not edit ---
/** Bad input, refused before sending (naming the field and the rule), or refused by the upstream (400/422). */
class ValidationException extends PhoneComException {}
/** Missing or wrong credentials (401). */
class AuthenticationException extends PhoneComException {}
/** Valid credentials, but not allowed to do this (403, 402-style refusals). */
class PermissionDeniedException extends PhoneComException {}
/** The resource does not exist (404, 410). */
class NotFoundException extends PhoneComException {}
/** The request conflicts with the resource's state (409). */
class ConflictException extends PhoneComException {}
/** Too many requests (429, or the local rate budget); see retry_after. */
class RateLimitedException extends PhoneComException {}
/** The upstream failed (5xx). */
class ServerException extends PhoneComException {}
/** The connection failed or was cut (DNS, refused, reset, TLS, a body cut short). */
class TransportException extends PhoneComException {}
/** A timeout, or the call's deadline expired. */
class TimeoutException extends PhoneComException {}
/** A complete response could not be understood (malformed JSON or XML); see raw_body. */
class DecodeException extends PhoneComException {}
/** A bug inside libphonecom (a Rust panic), caught at the binding's boundary; please report it. */
class InternalException extends PhoneComException {}

/** The generated table: each kind's class, each error field's property, the old class names. */
final class ErrorTable
{
    /** @var array<string, class-string<PhoneComException>> kind => class */
    public const CLASSES = [
        'validation' => ValidationException::class,
        'authentication' => AuthenticationException::class,
        'permission' => PermissionDeniedException::class,
        'not_found' => NotFoundException::class,
        'conflict' => ConflictException::class,
        'rate_limited' => RateLimitedException::class,
        'server' => ServerException::class,
        'transport' => TransportException::class,
        'timeout' => TimeoutException::class,
        'decode' => DecodeException::class,
        'internal' => InternalException::class,
    ];

    /** @var array<string, string> key of the error JSON => property */
    public const FIELDS = [
        'kind' => 'kind',
        'message' => 'message',
        'family' => 'family',
        'operation' => 'operation',
        'status' => 'httpStatus',
        'upstream_code' => 'upstreamCode',
        'upstream_message' => 'upstreamMessage',
        'fields' => 'fields',
        'retry_after' => 'retryAfter',
        'request_id' => 'requestId',
        'retryable' => 'retryable',
        'raw_body' => 'rawBody',
        'attempts' => 'attempts',
        'doc_url' => 'docUrl',
        'details' => 'details',
    ];

    /** @var array<string, class-string<PhoneComException>> old class name (deprecated) => class */
    public const DEPRECATED = [
        'PermissionException' => PermissionDeniedException::class,
    ];
}
// --- end of generated code ---

/** The C API was misused: NULL, invalid UTF-8 or invalid JSON handed to the library. */
class UsageException extends PhoneComException {}

/**
 * libphonecom could not be loaded (see Loader): the message names the variable to set
 * (PHONECOM_LIB or PHONECOM_PHP_HEADER) and every place tried with why it failed.
 */
class LoaderException extends \RuntimeException
{
    /** @param array<string, string> $tried each candidate tried => why it failed */
    public function __construct(string $message, public readonly array $tried)
    {
        parent::__construct($message);
    }
}
/** The library: not found, not loadable, or of another version than the header. */
class LibraryNotFoundException extends LoaderException {}
/** The PHP header phonecom_php.h: not found, unreadable, or not a header FFI can read. */
class HeaderNotFoundException extends LoaderException {}

/*
 * `use PhoneCom\PhoneCom;` (to write `PhoneCom::fromEnv()`) makes a later
 * `catch (PhoneCom\PhoneComException $e)` in the same file mean
 * `PhoneCom\PhoneCom\PhoneComException`: PHP resolves the first segment through the import, and a
 * catch of a class that does not exist silently never matches. So every exception class is also
 * reachable under that name, and the documented catch works as written, with or without the import.
 */
(static function (): void {
    $classes = [
        PhoneComException::class, ...array_values(ErrorTable::CLASSES), UsageException::class,
        LoaderException::class, LibraryNotFoundException::class, HeaderNotFoundException::class,
    ];
    // Already there when opcache.preload ran this file (php/preload.php): preloaded aliases stay.
    $alias = static function (string $class, string $name): void {
        if (!class_exists($name, false)) {
            class_alias($class, $name);
        }
    };
    foreach ($classes as $class) {
        $alias($class, __NAMESPACE__ . '\\PhoneCom\\' . substr($class, strlen(__NAMESPACE__) + 1));
    }
    // The old class names (deprecated): the same classes, so old catch blocks keep matching.
    foreach (ErrorTable::DEPRECATED as $old => $class) {
        $alias($class, __NAMESPACE__ . '\\' . $old);
        $alias($class, __NAMESPACE__ . '\\PhoneCom\\' . $old);
    }
})();
