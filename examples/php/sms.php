<?php
/**
 * Text messages: send one through REST v4 and read it back from the account's message log, send
 * one through the XML API, and see bad input refused before anything is sent.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/sms.php
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;
use PhoneCom\ValidationException;

const OFFICE = '+18585550100'; // a number of the account (the sandbox's "San Diego office")
const CUSTOMER = '+16195550101';

try {
    $pc = PhoneCom::fromEnv();

    // 1. REST v4.
    $sent = $pc->call('v4.create-account-sms', ['from' => OFFICE, 'to' => CUSTOMER, 'text' => 'Your table for 4 is ready.']);
    echo "step 1: sent SMS {$sent['id']} from {$sent['from']} to ", CUSTOMER, ": {$sent['to'][0]['status']}\n";

    // 2. The account's outgoing messages, newest first: ours is there.
    $log = $pc->call('v4.list-account-sms', ['filters' => ['direction' => 'eq:out'], 'sort' => ['created_at' => 'desc'], 'limit' => 5]);
    echo "step 2: {$log['total']} outgoing message(s); latest: \"{$log['items'][0]['text']}\"\n";
    if (!in_array($sent['id'], array_column($log['items'], 'id'), true)) {
        throw new RuntimeException('the message is not in the log');
    }

    // 3. The XML API sends too; its reply carries the server's transaction id.
    $reply = $pc->call('xml.sendSMS', ['fromNumber' => OFFICE, 'toNumber' => CUSTOMER, 'message' => 'See you at 7.']);
    echo "step 3: sent through the XML API (svTRID {$reply['svTRID']})\n";

    // 4. Bad input never leaves the process: the error names the field and the rule.
    try {
        $pc->call('v4.create-account-sms', ['from' => OFFICE, 'to' => '619-555-0101', 'text' => 'not E.164']);
        throw new RuntimeException('a number that is not E.164 was accepted');
    } catch (ValidationException $e) {
        echo "step 4: refused before sending: {$e->getMessage()}\n";
    }
    echo "done\n";
} catch (PhoneComException | RuntimeException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
