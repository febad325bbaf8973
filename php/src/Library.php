<?php
/**
 * Loads libphonecom through PHP's FFI and turns its statuses into exceptions.
 *
 * The library is, in order: $PHONECOM_LIB (a path or a name for the loader); "libphonecom.so" on
 * the system loader's path (the Debian package installs it there); the library bundled with the
 * Composer package (lib/libphonecom.so next to src/). The header is $PHONECOM_PHP_HEADER, else the
 * bundled include/phonecom_php.h, else include/phonecom_php.h of this repository, /usr/local/include
 * or /usr/include. phonecom_php.h has no preprocessor line, so FFI::cdef() reads it as it is.
 */

declare(strict_types=1);

namespace PhoneCom;

use FFI;
use FFI\CData;

final class Library
{
    private static ?FFI $ffi = null;

    /** Load the library once; later calls return the same FFI instance. */
    public static function load(?string $library = null, ?string $header = null): FFI
    {
        if (self::$ffi === null) {
            $header ??= self::findHeader();
            $declarations = @file_get_contents($header);
            if ($declarations === false) {
                throw new \RuntimeException("libphonecom: cannot read the PHP header $header");
            }
            self::$ffi = self::open($declarations, $library);
        }
        return self::$ffi;
    }

    /** The loaded FFI instance (loads with the defaults on first use). */
    public static function ffi(): FFI
    {
        return self::$ffi ?? self::load();
    }

    /** FFI over the first library that loads: $library, else PHONECOM_LIB, the loader's path, the bundled one. */
    private static function open(string $declarations, ?string $library): FFI
    {
        $env = getenv('PHONECOM_LIB');
        $candidates = $library !== null ? [$library] : ($env ? [$env] : ['libphonecom.so', __DIR__ . '/../lib/libphonecom.so']);
        $failures = [];
        foreach ($candidates as $candidate) {
            try {
                return FFI::cdef($declarations, $candidate);
            } catch (\FFI\Exception $e) {
                // Only "not found": a library that loads but lacks a declared function is a real error.
                if (!str_starts_with($e->getMessage(), 'Failed loading')) {
                    throw $e;
                }
                $failures[] = $e->getMessage();
            }
        }
        throw new LibraryNotFoundException(
            'libphonecom: the library was not found (' . implode('; ', $failures) . '). Set PHONECOM_LIB to the path '
            . 'of libphonecom.so, or install the Debian package (apt-get install ./libphonecom_<version>_amd64.deb), '
            . 'or use the Composer package built by scripts/package.sh, which bundles the library'
        );
    }

    private static function findHeader(): string
    {
        $env = getenv('PHONECOM_PHP_HEADER');
        if ($env) {
            return $env;
        }
        foreach ([__DIR__ . '/../include/phonecom_php.h', __DIR__ . '/../../include/phonecom_php.h', '/usr/local/include/phonecom_php.h', '/usr/include/phonecom_php.h'] as $path) {
            if (is_file($path)) {
                return $path;
            }
        }
        return 'phonecom_php.h';
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
