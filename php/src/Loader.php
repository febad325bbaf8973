<?php
/**
 * Finds the header and the library and opens them with FFI; when that fails, says what it
 * tried and why each try failed, and which variable to set.
 *
 * The header is $PHONECOM_PHP_HEADER when set (and then only that file), else the first of:
 * the bundled include/phonecom_php.h, include/phonecom_php.h of this repository,
 * /usr/local/include/phonecom_php.h, /usr/include/phonecom_php.h. The library is
 * $PHONECOM_LIB when set (and then only that), else "libphonecom.so" on the system loader's
 * path (the Debian package installs it there), else the bundled lib/libphonecom.so.
 *
 * Preloading (PHP-FPM): the library is loaded once into the FFI scope SCOPE in the FPM master,
 * before it forks its workers, by `ffi.preload` naming the header scopedHeader() writes
 * (php/write-ffi-header.php), or by preload() from the opcache.preload script (php/preload.php)
 * when the master does not run as root. Every request then takes it with preloaded()
 * (FFI::scope), never parsing the header or opening the library again, and the library, with the
 * connection pools it keeps, stays loaded for the worker's life. See php/README.md.
 *
 *     try {
 *         $ffi = PhoneCom\Loader::open();
 *     } catch (PhoneCom\LoaderException $e) {
 *         echo $e->getMessage();      // names PHONECOM_LIB or PHONECOM_PHP_HEADER
 *         print_r($e->tried);         // [candidate => why it failed, ...]
 *     }
 */

declare(strict_types=1);

namespace PhoneCom;

use FFI;

final class Loader
{
    public const LIB_VAR = 'PHONECOM_LIB';
    public const HEADER_VAR = 'PHONECOM_PHP_HEADER';
    /** The FFI scope preload() declares and preloaded() takes. */
    public const SCOPE = 'PHONECOM';

    /** FFI over the library, declared by the header ($library/$header override the search). */
    public static function open(?string $library = null, ?string $header = null): FFI
    {
        [$headerPath, $declarations] = self::readHeader($header);
        return self::openLibrary($declarations, $headerPath, $library)[0];
    }

    /**
     * The library preloaded into this process (by preload(), or by an `ffi.preload` header from
     * scopedHeader()), or null when nothing was preloaded.
     */
    public static function preloaded(): ?FFI
    {
        try {
            return FFI::scope(self::SCOPE);
        } catch (\FFI\Exception) {
            return null;
        }
    }

    /**
     * Load the library into the FFI scope SCOPE for the life of the process, unless `ffi.preload`
     * already did: call it from the opcache.preload script (php/preload.php does). Finds the
     * header and the library as open() does, and throws the same LoaderExceptions. PHP refuses
     * FFI::load() while preloading as opcache.preload_user (a master running as root, as
     * Debian's php-fpm does): then use `ffi.preload` (the exception says how).
     */
    public static function preload(?string $library = null, ?string $header = null): void
    {
        if (self::preloaded() !== null) {
            return;
        }
        $scoped = self::scopedHeader($library, $header);
        $file = tempnam(sys_get_temp_dir(), 'phonecom-ffi-');
        if ($file === false || file_put_contents($file, $scoped) === false) {
            throw new HeaderNotFoundException(
                'libphonecom: could not write the scoped header for FFI::load() to ' . sys_get_temp_dir()
                . '; use ffi.preload with a header from Loader::scopedHeader() instead',
                []
            );
        }
        try {
            FFI::load($file);
        } catch (\FFI\Exception $e) {
            throw new LibraryNotFoundException(
                'libphonecom: FFI::load() cannot preload the library here (' . $e->getMessage() . '). Write the '
                . 'scoped header once (php ' . realpath(__DIR__ . '/../write-ffi-header.php') . ' /etc/php/phonecom.h) '
                . 'and name it in php.ini: ffi.preload=/etc/php/phonecom.h',
                [$file => $e->getMessage()]
            );
        } finally {
            @unlink($file);
        }
    }

    /**
     * The header with the FFI_SCOPE and FFI_LIB lines FFI::load() and the `ffi.preload` setting
     * read, naming the library found as open() finds it:
     *
     *     php php/write-ffi-header.php /etc/php/phonecom.h     ; php.ini: ffi.preload=/etc/php/phonecom.h
     */
    public static function scopedHeader(?string $library = null, ?string $header = null): string
    {
        [$headerPath, $declarations] = self::readHeader($header);
        $found = self::openLibrary($declarations, $headerPath, $library)[1];
        $path = str_contains($found, '/') ? (realpath($found) ?: $found) : $found;
        return '#define FFI_SCOPE "' . self::SCOPE . "\"\n#define FFI_LIB \"" . addcslashes($path, '"\\') . "\"\n"
            . $declarations;
    }

    /** @return array{string, string} the header's path and text */
    private static function readHeader(?string $header): array
    {
        $env = self::env(self::HEADER_VAR);
        $candidates = match (true) {
            $header !== null => [$header => 'the header given to Library::load()'],
            $env !== null => [$env => self::HEADER_VAR],
            default => array_fill_keys([
                __DIR__ . '/../include/phonecom_php.h',
                __DIR__ . '/../../include/phonecom_php.h',
                '/usr/local/include/phonecom_php.h',
                '/usr/include/phonecom_php.h',
            ], 'default location'),
        };
        $tried = [];
        foreach ($candidates as $path => $source) {
            $why = self::fileProblem($path);
            if ($why === null) {
                $text = @file_get_contents($path);
                if ($text !== false) {
                    return [$path, $text];
                }
                $why = 'could not be read: ' . (error_get_last()['message'] ?? 'unknown error');
            }
            $tried[self::shown($path)] = "$why ($source)";
        }
        $fix = $env !== null || $header !== null
            ? 'Point ' . self::HEADER_VAR . ' at an existing phonecom_php.h'
            : 'Set ' . self::HEADER_VAR . ' to the path of phonecom_php.h (installed in <prefix>/include by '
                . '`make -C ffi-c install`, or by the Debian package)';
        throw new HeaderNotFoundException(
            'libphonecom: the PHP header phonecom_php.h was not found. Tried: ' . self::listed($tried) . ". $fix.",
            $tried
        );
    }

    /** @return array{FFI, string} the FFI and the library candidate that loaded */
    private static function openLibrary(string $declarations, string $headerPath, ?string $library): array
    {
        $env = self::env(self::LIB_VAR);
        $candidates = match (true) {
            $library !== null => [$library => 'the library given to Library::load()'],
            $env !== null => [$env => self::LIB_VAR],
            default => [
                'libphonecom.so' => "the system loader's search path",
                __DIR__ . '/../lib/libphonecom.so' => 'bundled with the package',
            ],
        };
        $tried = [];
        foreach ($candidates as $candidate => $source) {
            try {
                return [FFI::cdef($declarations, $candidate), $candidate];
            } catch (\FFI\ParserException $e) {
                throw new HeaderNotFoundException(
                    "libphonecom: the PHP header $headerPath is not a header FFI can read ({$e->getMessage()}); "
                    . 'use the phonecom_php.h installed with the library, or unset ' . self::HEADER_VAR,
                    [$headerPath => $e->getMessage()]
                );
            } catch (\FFI\Exception $e) {
                if (str_contains($e->getMessage(), 'restricted by "ffi.enable"')) {
                    throw new LibraryNotFoundException(self::restricted(), [$candidate => $e->getMessage()]);
                }
                if (str_starts_with($e->getMessage(), 'Failed resolving')) {
                    throw new LibraryNotFoundException(self::mismatch($candidate, $headerPath, $e->getMessage()), [
                        $candidate => $e->getMessage(),
                    ]);
                }
                $tried[self::shown($candidate)] = self::libraryProblem($candidate) . " ($source)";
            }
        }
        $fix = $env !== null || $library !== null
            ? 'Point ' . self::LIB_VAR . ' at the libphonecom.so file (e.g. <prefix>/lib/libphonecom.so after '
                . '`make -C ffi-c install PREFIX=<prefix>`), or unset it to search the default places'
            : 'Set ' . self::LIB_VAR . ' to the path of libphonecom.so, or install the Debian package '
                . '(apt-get install ./libphonecom_<version>_amd64.deb), or use the Composer package built by '
                . 'scripts/package.sh, which bundles the library';
        throw new LibraryNotFoundException(
            'libphonecom: the library was not found. Tried: ' . self::listed($tried) . ". $fix.",
            $tried
        );
    }

    /** What to do when FFI may only be used by preloaded code (`ffi.enable=preload`, PHP-FPM's default). */
    private static function restricted(): string
    {
        return 'libphonecom: PHP\'s FFI is restricted to preloaded code here (ffi.enable=' . ini_get('ffi.enable')
            . ') and the library was not preloaded. Preload it once per worker: write the scoped header (php '
            . realpath(__DIR__ . '/../write-ffi-header.php') . ' /etc/php/phonecom.h) and name it in php.ini '
            . '(ffi.preload=/etc/php/phonecom.h); see the PHP-FPM section of the PHP README. Or allow FFI '
            . 'everywhere with ffi.enable=true.';
    }

    /** Why a library candidate did not load, as far as PHP can tell (FFI hides dlerror()). */
    private static function libraryProblem(string $candidate): string
    {
        if (!str_contains($candidate, '/')) {
            $path = getenv('LD_LIBRARY_PATH');
            return 'not on the loader\'s search path (ld.so.cache'
                . ($path ? ", LD_LIBRARY_PATH=$path" : ', LD_LIBRARY_PATH unset') . ')';
        }
        $problem = self::fileProblem($candidate);
        if ($problem !== null) {
            return $problem;
        }
        $magic = (string)@file_get_contents($candidate, false, null, 0, 5);
        if (!str_starts_with($magic, "\x7fELF")) {
            return 'not a shared library (no ELF header)';
        }
        $ours = PHP_INT_SIZE === 8 ? 2 : 1;
        if (ord($magic[4] ?? "\0") !== $ours) {
            return 'built for a ' . (ord($magic[4] ?? "\0") === 1 ? '32' : '64') . '-bit system, this PHP is '
                . (PHP_INT_SIZE * 8) . '-bit';
        }
        return 'the loader refused it (another architecture, or a library it needs is missing: run `ldd '
            . $candidate . '`)';
    }

    /** Why a path cannot be read as a file, or null when it can. */
    private static function fileProblem(string $path): ?string
    {
        return match (true) {
            !file_exists($path) => 'no such file',
            is_dir($path) => 'a directory, not a file',
            !is_readable($path) => 'not readable by this user',
            default => null,
        };
    }

    private static function mismatch(string $library, string $headerPath, string $ffiMessage): string
    {
        $version = 'an unknown version';
        try {
            $version = FFI::cdef('const char *phonecom_version(void);', $library)->phonecom_version();
        } catch (\Throwable) {
            // A library without phonecom_version() is not libphonecom at all: keep "unknown".
        }
        return "libphonecom: the library $library ($version) lacks a function the header $headerPath declares "
            . "($ffiMessage): the header and the library come from different versions. Point "
            . self::LIB_VAR . ' and ' . self::HEADER_VAR . ' at the files of one installation.';
    }

    private static function env(string $name): ?string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? null : $value;
    }

    /** A path as the message shows it (".." segments resolved where the directory exists). */
    private static function shown(string $path): string
    {
        $dir = realpath(dirname($path));
        return $dir !== false && str_contains($path, '/') ? $dir . '/' . basename($path) : $path;
    }

    /** @param array<string, string> $tried */
    private static function listed(array $tried): string
    {
        $parts = [];
        foreach ($tried as $candidate => $why) {
            $parts[] = "$candidate: $why";
        }
        return implode('; ', $parts);
    }
}
