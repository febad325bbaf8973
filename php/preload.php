<?php
/**
 * The opcache.preload script of libphonecom: compiles the package's classes once and, unless
 * `ffi.preload` already did, loads the library into the FFI scope every request uses, in the
 * PHP-FPM master before it forks its workers (no header parsing and no library loading per
 * request; the library, and the connection pools it keeps, stay for the worker's life).
 *
 *     ; php.ini, a master that does not run as root:
 *     opcache.preload=/path/to/vendor/phonecom/libphonecom/preload.php
 *     ; a master running as root (Debian's php-fpm) needs opcache.preload_user, with which PHP
 *     ; refuses FFI::load(): there, load the library with ffi.preload (write-ffi-header.php) too
 *
 * PHONECOM_LIB and PHONECOM_PHP_HEADER, when set in the master's environment, choose the files as
 * for Loader::open(). A library that cannot be found stops the start with the Loader's message.
 * See php/README.md, "PHP-FPM".
 */

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

PhoneCom\Loader::preload();
