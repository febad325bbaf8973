<?php
/**
 * The exceptions of the PHP package: one class per error kind of libphonecom, each carrying the
 * structured fields of the library's error JSON.
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
    }

    /** The exception class for an error kind. */
    public static function classFor(string $kind): string
    {
        return match ($kind) {
            'validation' => ValidationException::class,
            'authentication' => AuthenticationException::class,
            'permission' => PermissionException::class,
            'not_found' => NotFoundException::class,
            'conflict' => ConflictException::class,
            'rate_limited' => RateLimitedException::class,
            'server' => ServerException::class,
            'transport' => TransportException::class,
            'timeout' => TimeoutException::class,
            'decode' => DecodeException::class,
            'null_argument', 'invalid_utf8', 'invalid_json', 'interior_nul' => UsageException::class,
            'panic' => InternalException::class,
            default => PhoneComException::class,
        };
    }
}

/** Bad input, refused before sending (naming the field and the rule) or by the upstream (400/422). */
class ValidationException extends PhoneComException {}
/** Missing or wrong credentials (401). */
class AuthenticationException extends PhoneComException {}
/** Not allowed (402/403). */
class PermissionException extends PhoneComException {}
/** The resource does not exist (404/410). */
class NotFoundException extends PhoneComException {}
/** The request conflicts with the resource's state (409). */
class ConflictException extends PhoneComException {}
/** Too many requests (429); see $retryAfter. */
class RateLimitedException extends PhoneComException {}
/** The upstream failed (5xx). */
class ServerException extends PhoneComException {}
/** The connection failed or was cut. */
class TransportException extends PhoneComException {}
/** A timeout or the call's deadline. */
class TimeoutException extends PhoneComException {}
/** The response could not be understood; see $rawBody. */
class DecodeException extends PhoneComException {}
/** The C API was misused: NULL, invalid UTF-8 or invalid JSON handed to the library. */
class UsageException extends PhoneComException {}
/** An internal bug of the library, caught at its boundary. */
class InternalException extends PhoneComException {}

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
    foreach ([
        PhoneComException::class, ValidationException::class, AuthenticationException::class,
        PermissionException::class, NotFoundException::class, ConflictException::class,
        RateLimitedException::class, ServerException::class, TransportException::class,
        TimeoutException::class, DecodeException::class, UsageException::class,
        InternalException::class, LoaderException::class, LibraryNotFoundException::class,
        HeaderNotFoundException::class,
    ] as $class) {
        $alias = __NAMESPACE__ . '\\PhoneCom\\' . substr($class, strlen(__NAMESPACE__) + 1);
        // Already there when opcache.preload ran this file (php/preload.php): preloaded aliases stay.
        if (!class_exists($alias, false)) {
            class_alias($class, $alias);
        }
    }
})();
