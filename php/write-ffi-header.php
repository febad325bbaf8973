<?php
/**
 * Writes the header that PHP's `ffi.preload` setting loads libphonecom from (the library's
 * declarations with FFI_SCOPE "PHONECOM" and FFI_LIB naming the library this machine has, found
 * as PhoneCom\Loader finds it: PHONECOM_LIB, the system loader's path, the bundled lib/):
 *
 *     php vendor/phonecom/libphonecom/write-ffi-header.php /etc/php/phonecom.h
 *     ; php.ini (e.g. /etc/php/8.2/fpm/conf.d/30-phonecom.ini):
 *     ; ffi.preload=/etc/php/phonecom.h
 *
 * Run it again after moving or upgrading the library. Exits 1 with the Loader's message when the
 * library or its header cannot be found.
 */

declare(strict_types=1);

require_once __DIR__ . '/autoload.php';

$target = $argv[1] ?? null;
if ($target === null || $target === '-h' || $target === '--help') {
    fwrite(STDERR, "usage: php write-ffi-header.php FILE   (then php.ini: ffi.preload=FILE)\n");
    exit(2);
}
try {
    $header = PhoneCom\Loader::scopedHeader();
} catch (PhoneCom\LoaderException $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
if (file_put_contents($target, $header) === false) {
    fwrite(STDERR, "write-ffi-header.php: could not write $target\n");
    exit(1);
}
echo "wrote $target (ffi.preload=$target in php.ini loads libphonecom once per PHP process)\n";
