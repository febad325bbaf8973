<?php
/**
 * The portal page of the PHP-FPM benchmark (bench/fpm/run.sh): what a partner's page does on each
 * request: build a client from the configuration, make one call, answer. It answers JSON with the
 * rows it got, the worker's pid and whether the library came preloaded, so the driver can check
 * every answer and which workers served them.
 */

declare(strict_types=1);

require __DIR__ . '/../../php/autoload.php';

$config = file_get_contents((string)($_SERVER['PORTAL_CONFIG'] ?? ''));
if ($config === false) {
    http_response_code(500);
    exit('PORTAL_CONFIG is not a readable file');
}
try {
    $pc = PhoneCom\PhoneCom::fromJson($config);
    $numbers = $pc->call('v4.list-available-phone-numbers', ['limit' => 24]);
} catch (Throwable $e) {
    http_response_code(502);
    exit(get_class($e) . ': ' . $e->getMessage());
}
header('Content-Type: application/json');
echo json_encode([
    'rows' => count($numbers['items'] ?? []),
    'pid' => getmypid(),
    'preloaded' => PhoneCom\Library::isPreloaded(),
]);
