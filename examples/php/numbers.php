<?php
/**
 * Number operations in PHP: normalise what a user typed, turn a vanity pattern into digits, walk
 * the inventory of an area code page by page, buy a number, rename it, and list the account's
 * numbers.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/numbers.php (a config document, e.g. the
 * sandbox's line), or with the PHONECOM_* environment variables. PHONECOM_LIB names the library.
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

try {
    $path = getenv('PHONECOM_CONFIG');
    $pc = $path ? PhoneCom::fromJson((string)file_get_contents($path)) : PhoneCom::fromEnv();

    echo 'normalised: (858) 555-0100 -> ', PhoneCom::e164Normalize('(858) 555-0100'),
        '; vanity: 1-800-FLOWERS -> ', PhoneCom::vanityToDigits('1-800-FLOWERS'), "\n";

    // Every number in NPA 858 under $149.00, 50 per page, fetched as the loop goes.
    $count = 0;
    $cheapest = null;
    foreach ($pc->items('v4.list-available-phone-numbers', ['filters' => ['npa' => 'eq:858', 'price' => 'lt:149'], 'sort' => ['price' => 'asc'], 'limit' => 50]) as $n) {
        $cheapest ??= $n['phone_number'];
        $count++;
    }
    echo "inventory: $count numbers in NPA 858 under \$149.00\n";
    if ($cheapest === null) {
        throw new RuntimeException('no number in NPA 858');
    }

    $bought = $pc->call('v4.create-account-phone-number', ['phone_number' => $cheapest, 'name' => 'Sales']);
    echo "bought: {$bought['phone_number']} (number id {$bought['id']})\n";
    // v4's replace is a PUT: it sets the whole number, so a field left out (route, caller id,
    // blocking flags) goes back to its default. This number has nothing else set yet; for one that
    // does, send every field to keep along with the new name.
    $renamed = $pc->call('v4.replace-account-phone-number', ['number_id' => $bought['id'], 'name' => 'Sales line']);
    echo "renamed: {$renamed['phone_number']} is now \"{$renamed['name']}\"\n";

    $mine = array_column(iterator_to_array($pc->items('v4.list-account-phone-numbers'), false), 'phone_number');
    echo 'account: ', count($mine), " numbers, including $cheapest\n";
    if (!in_array($cheapest, $mine, true)) {
        throw new RuntimeException("$cheapest is not among the account's numbers");
    }
    echo "done\n";
} catch (PhoneComException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
