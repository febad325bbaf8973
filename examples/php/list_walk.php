<?php
/**
 * Walk a long list with progress: every available number of the inventory (thousands of rows, 500
 * a page), then every call of a quarter from the XML API's call log (1,500 calls, walked by time
 * windows past the API's 500-row cap). The callable given to items() gets, after each page,
 * ['pages' => ..., 'rows' => ..., 'total' => ...] (total null when the upstream gives none).
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/list_walk.php
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

/** One line per page; a terminal would redraw one line with "\r" instead. */
function show(array $p): void
{
    $rows = $p['total'] === null
        ? "{$p['rows']} rows"
        : sprintf('%d of %d rows (%d%%)', $p['rows'], $p['total'], intdiv(100 * $p['rows'], max(1, $p['total'])));
    printf("  fetched %d page%s, %s\n", $p['pages'], $p['pages'] === 1 ? '' : 's', $rows);
}

try {
    $pc = PhoneCom::fromEnv(); // PHONECOM_CONFIG, then the PHONECOM_* variables

    // 1. The whole inventory, 500 rows a page: rows one by one, pages fetched as the loop goes.
    echo "step 1: every available number, 500 a page\n";
    $byArea = [];
    foreach ($pc->items('v4.list-available-phone-numbers', ['limit' => 500], 'show') as $n) {
        $area = $n['npa'] ?? 'other';
        $byArea[$area] = ($byArea[$area] ?? 0) + 1;
    }
    arsort($byArea);
    $walked = array_sum($byArea);
    echo "step 1: $walked numbers; busiest area codes: ", json_encode(array_slice($byArea, 0, 3, true)), "\n";

    // 2. The call log, walked by time windows; no total, so the progress shows rows so far.
    echo "step 2: every call of Q1 2024 from the XML API, 400 a page\n";
    $calls = $seconds = 0;
    foreach ($pc->items('xml.getCallList', ['startTime' => 1704067200, 'endTime' => 1711929599, 'limit' => 400], 'show') as $call) {
        $calls++;
        $seconds += (int)($call['duration'] ?? 0);
    }
    echo "step 2: $calls calls, ", intdiv($seconds, 3600), " h of talk time\n";
    if ($walked < 1000 || $calls === 0) {
        throw new RuntimeException('expected thousands of numbers and some calls');
    }
    echo "done\n";
} catch (PhoneComException | RuntimeException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
