<?php
/**
 * A new business line through the XML API: search the inventory for a San Diego number, reserve
 * it (held until about midnight Pacific time), add it to the account, ring two phones at once when
 * it is called, and text the owner that the line is live. Every XML request carries a clTRID, so
 * a mutation the library retries acts only once.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/xml_numbers.php
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

const OWNER = '+16195550101';  // the owner's mobile
const OFFICE = '+16195550102'; // the office phone

try {
    $xml = PhoneCom::fromEnv();

    // 1. Search: local numbers in California whose digits match 1858*******.
    $found = $xml->call('xml.getPhoneNumberInventory', ['countryCode' => 1, 'type' => 'local', 'state' => 'CA', 'pattern' => '1858*******', 'quantity' => 5]);
    $items = $found['data']['items'] ?? [];
    echo 'step 1: ', count($items), " numbers for state CA, pattern 1858*******:\n";
    foreach ($items as $n) {
        echo "  {$n['phoneNumber']} {$n['humanReadable']} in {$n['locality']}, \${$n['cost']} a month\n";
    }
    $number = $items[0]['phoneNumber'] ?? throw new RuntimeException('no number matches the search');

    // 2. Reserve it while the customer decides.
    $held = $xml->call('xml.reservePhoneNumber', ['phoneNumber' => $number]);
    echo "step 2: reserved $number until {$held['data']['reservation']['expires']['gmt']} (clTRID {$held['clTRID']})\n";

    // 3. Buy it: add it to the account.
    $added = $xml->call('xml.addPhoneNumber', ['phoneNumber' => $number]);
    $listed = $xml->call('xml.getPhoneNumberList')['data']['items'] ?? [];
    echo "step 3: added $number as id {$added['data']['phoneNumber']['id']}; the account has ", count($listed), " numbers\n";

    // 4. Ring the owner (announced, screened) and the office at once for 30 s.
    $xml->call('xml.updateCallHandlingSimpleRingAll', [
        'phoneNumber' => $number,
        'destination1' => OWNER, 'destination1VoiceTag' => 'New business line', 'destination1Screening' => 'yes',
        'destination2' => OFFICE, 'destination2CallerId' => $number,
        'timeout' => 30,
    ]);
    echo "step 4: calls to $number ring ", OWNER, ' and ', OFFICE, " at once\n";

    // 5. Tell the owner.
    $sent = $xml->call('xml.sendSMS', ['fromNumber' => $number, 'toNumber' => OWNER, 'message' => "Your new line $number is live."]);
    echo 'step 5: texted ', OWNER, " from $number (svTRID {$sent['svTRID']})\n";
    echo "done\n";
} catch (PhoneComException | RuntimeException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
