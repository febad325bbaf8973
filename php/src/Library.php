<?php
/**
 * libphonecom through PHP's FFI, and its statuses turned into exceptions.
 *
 * The library comes from the FFI scope the opcache.preload script declared (Loader::preload(),
 * php/preload.php: once per PHP-FPM worker, kept across requests), else from FFI::cdef on first
 * use in the request (Loader::open()).
 */

declare(strict_types=1);

namespace PhoneCom;

use FFI;
use FFI\CData;

final class Library
{
    private static ?FFI $ffi = null;
    private static bool $preloaded = false;

    /**
     * Load the library once; later calls return the same FFI instance. With neither argument, the
     * preloaded library when there is one (see Loader::preload()). Throws a
     * LibraryNotFoundException or HeaderNotFoundException (both LoaderException) that lists every
     * place tried and why each failed (see Loader).
     */
    public static function load(?string $library = null, ?string $header = null): FFI
    {
        if (self::$ffi === null && $library === null && $header === null) {
            self::$ffi = Loader::preloaded();
            self::$preloaded = self::$ffi !== null;
        }
        return self::$ffi ??= Loader::open($library, $header);
    }

    /** Whether the library in use was preloaded (opcache.preload), rather than opened by this request. */
    public static function isPreloaded(): bool
    {
        return self::$preloaded;
    }

    /** The loaded FFI instance (loads with the defaults on first use). */
    public static function ffi(): FFI
    {
        return self::$ffi ?? self::load();
    }

    /** Throw the exception for a status other than PHONECOM_OK, built from the thread's last error. */
    public static function check(int $status): void
    {
        if ($status === 0) {
            return;
        }
        $ffi = self::ffi();
        $ptr = $ffi->phonecom_last_error_json();
        $error = ['kind' => $ffi->phonecom_status_name($status), 'message' => 'libphonecom status ' . $status];
        if ($ptr !== null) {
            $error = json_decode(self::take($ptr), true, 512, JSON_THROW_ON_ERROR);
        }
        $class = PhoneComException::classFor((string)$error['kind']);
        throw new $class($status, $error);
    }

    /** Copy a string the library returned, then free it with phonecom_string_free. */
    public static function take(CData $ptr): string
    {
        try {
            return FFI::string($ptr);
        } finally {
            self::ffi()->phonecom_string_free($ptr);
        }
    }

    /** Call $fn with a fresh `char *` out-parameter; check the status; return the string. */
    public static function outString(callable $fn): string
    {
        $out = self::ffi()->new('char*');
        self::check($fn(FFI::addr($out)));
        return self::take($out);
    }

    /** Like outString(), decoding the JSON result into PHP arrays. */
    public static function outJson(callable $fn): mixed
    {
        return json_decode(self::outString($fn), true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }

    /** PHP parameters as a JSON object: [] is {}, not []. */
    public static function encode(array|object|null $params): string
    {
        if ($params === null || $params === []) {
            return '{}';
        }
        try {
            return json_encode($params, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $e) {
            $utf8 = $e->getCode() === JSON_ERROR_UTF8;
            $kind = $utf8 ? 'invalid_utf8' : 'invalid_json';
            $status = $utf8 ? self::ffi()->PHONECOM_ERR_INVALID_UTF8 : self::ffi()->PHONECOM_ERR_INVALID_JSON;
            throw new UsageException($status, ['kind' => $kind, 'message' => "[$kind] parameters cannot be sent as JSON: " . $e->getMessage()]);
        }
    }
}
