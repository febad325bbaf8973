<?php
/** A walk reports its progress to a callable after each page (issue 14 item 10), against the sandbox. */

declare(strict_types=1);

use PhoneCom\NotFoundException;

/** What a walk of $n rows, $limit a page, reports. */
function expected_progress(int $n, int $limit, ?int $total): array
{
    $want = [];
    for ($page = 1; ($page - 1) * $limit < $n; $page++) {
        $want[] = ['pages' => $page, 'rows' => min($page * $limit, $n), 'total' => $total];
    }
    return $want;
}

test('progress: items() reports each page before its rows, with the total', function () {
    $pc = client();
    $total = $pc->call('v4.list-available-phone-numbers', ['limit' => 1])['total'];
    check($total > 1000, "the inventory is thousands of rows ($total)");
    $seen = [];
    $rows = 0;
    foreach ($pc->items('v4.list-available-phone-numbers', ['limit' => 500], function (array $p) use (&$seen) { $seen[] = $p; }) as $n) {
        $rows++;
        check(end($seen)['rows'] >= $rows, 'reported before the rows are handed out');
    }
    check($rows === $total, "every row ($rows of $total)");
    check($seen === expected_progress($total, 500, $total), 'one report per page: ' . json_encode($seen));

    $seen = [];
    $rows = 0;
    foreach ($pc->pages('v4.list-available-phone-numbers', ['limit' => 300, 'offset' => $total - 700], function (array $p) use (&$seen) { $seen[] = $p; }) as $page) {
        $rows += count($page['items']);
    }
    check($rows === 700 && $seen === expected_progress(700, 300, 700), 'from an offset: ' . json_encode($seen));
});

test('progress: no total is null; a throwing callable ends the walk; a failed page is not reported', function () {
    $pc = client();
    $seen = [];
    $calls = iterator_to_array($pc->items('xml.getCallList', ['startTime' => 1704067200, 'endTime' => 1711929599, 'limit' => 400], function (array $p) use (&$seen) { $seen[] = $p; }), false);
    check(count($calls) === 1500, 'every call');
    check($seen === expected_progress(1500, 400, null), 'no total: ' . json_encode($seen));

    $rows = 0;
    $stop = expect(RuntimeException::class, function () use ($pc, &$rows) {
        $stopAtTwo = function (array $p) { if ($p['pages'] === 2) { throw new RuntimeException('enough'); } };
        foreach ($pc->items('v4.list-available-phone-numbers', ['limit' => 100], $stopAtTwo) as $n) {
            $rows++;
        }
    });
    check($stop !== null && $stop->getMessage() === 'enough' && $rows === 100, "stopped after page 1's rows ($rows)");

    $seen = [];
    $walk = $pc->pages('v4.list-available-phone-numbers', ['limit' => 100], function (array $p) use (&$seen) { $seen[] = $p; });
    $walk->current();
    fault('GET', '/v4/phone-numbers/available', 'status=404');
    expect(NotFoundException::class, fn () => $walk->next());
    check(count($seen) === 1 && $seen[0]['pages'] === 1, 'the failed page is not reported: ' . json_encode($seen));
});
