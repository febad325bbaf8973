<?php
/*
 * The PHP clients of the benchmark (bench/run.sh runs them; see bench/README.md).
 *
 *   php php_bench.php curl|ffi CONFIG.json CALLS
 *
 * curl: one curl handle (keep-alive) + json_decode, what a PHP portal writes by hand; ffi: the
 * PhoneCom class over the C library (PHONECOM_LIB names it). A few untimed calls first, then
 * CALLS timed; prints one JSON line like every client:
 * {"client", "calls", "secs", "rss_warm_kb", "rss_end_kb"}.
 */

declare(strict_types=1);

function rss_kb(): int
{
    foreach (file('/proc/self/status') as $line) {
        if (str_starts_with($line, 'VmRSS:')) {
            return (int) preg_split('/\s+/', trim($line))[1];
        }
    }
    return 0;
}

[, $kind, $configPath, $calls] = $argv + [null, null, null, '1000'];
$config = json_decode(file_get_contents($configPath), true, 512, JSON_THROW_ON_ERROR);
$calls = (int) $calls;

if ($kind === 'curl') {
    $ch = curl_init($config['v4']['base_url'] . '/phone-numbers/available?limit=24');
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $config['v4']['token']],
    ]);
    $one = function () use ($ch): void {
        $body = curl_exec($ch);
        if ($body === false || curl_getinfo($ch, CURLINFO_RESPONSE_CODE) !== 200) {
            throw new RuntimeException('curl: ' . curl_error($ch));
        }
        $data = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        if (count($data['items']) !== 24) {
            throw new RuntimeException('expected 24 items');
        }
    };
} elseif ($kind === 'ffi') {
    require __DIR__ . '/../../php/autoload.php';
    $pc = PhoneCom\PhoneCom::fromJson($config);
    $one = function () use ($pc): void {
        $data = $pc->call('v4.list-available-phone-numbers', ['limit' => 24]);
        if (count($data['items']) !== 24) {
            throw new RuntimeException('expected 24 items');
        }
    };
} else {
    fwrite(STDERR, "usage: php php_bench.php curl|ffi CONFIG.json CALLS\n");
    exit(2);
}

for ($i = 0, $warmup = max(1, min(200, intdiv($calls, 10))); $i < $warmup; $i++) {
    $one();
}
$warm = rss_kb();
$started = hrtime(true);
for ($i = 0; $i < $calls; $i++) {
    $one();
}
$secs = (hrtime(true) - $started) / 1e9;
echo json_encode(['client' => "php-$kind", 'calls' => $calls, 'secs' => $secs, 'rss_warm_kb' => $warm, 'rss_end_kb' => rss_kb()]), "\n";
