<?php
/** No network: version, catalog, helpers, bad input (NULL, invalid UTF-8, invalid JSON). */

declare(strict_types=1);

use PhoneCom\Library;
use PhoneCom\PhoneCom;

const CONTACT = [
    'name' => 'Ada Lovelace',
    'company' => 'Book Depository',
    'address' => ['line_1' => '411 Elm, st.', 'city' => 'Dallas', 'province' => 'TX', 'postal_code' => '75202', 'country' => 'US'],
    'phone' => '+15555550001',
    'primary_email' => 'ada@example.com',
];

const OFFLINE = '{"v4": {"base_url": "http://127.0.0.1:9/v4", "token": "sbx_offline_secret_token", "account_id": 1234}, "retry": {"max_attempts": 1}}';

test('local: version and catalog', function () {
    check((bool)preg_match('/^\d+\.\d+\.\d+$/', PhoneCom::version()), 'version is MAJOR.MINOR.PATCH');
    $catalog = PhoneCom::catalog();
    check($catalog['version'] === PhoneCom::version(), 'catalog version');
    $names = array_column($catalog['operations'], 'name');
    check(in_array('express.signup', $names, true) && in_array('v4.list-available-phone-numbers', $names, true), 'catalog names');
    check(PhoneCom::operation('v4.create-account-subaccount')['method'] === 'POST', 'operation entry');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::operation('v4.nope'));
    check($e?->fields[0]['field'] === 'name', 'unknown operation names the field');
});

test('local: Express user names, passwords, contacts', function () {
    check(PhoneCom::expressUsername('acme', '12345') === 'acme-12345', 'user name');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::expressUsername('Acme', '1'));
    check($e?->fields[0]['field'] === 'partner', 'bad partner named');
    $a = PhoneCom::generatePassword();
    check(strlen($a) === 32 && $a !== PhoneCom::generatePassword(), 'passwords');
    expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::generatePassword(8));
    // Negative (which size_t would wrap to SIZE_MAX) and huge lengths: a ValidationException
    // naming `length`, never an abort.
    foreach ([-1, PHP_INT_MIN, 4097, 1 << 40, PHP_INT_MAX] as $n) {
        $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::generatePassword($n));
        check(($e?->fields[0]['field'] ?? null) === 'length', "length $n: field named");
        check(str_contains($e?->getMessage() ?? '', "from 16 to 4096 (got $n)"), "length $n: " . $e?->getMessage());
    }
    check(PhoneCom::validateContact(CONTACT)['address']['city'] === 'Dallas', 'contact accepted');
    $bad = CONTACT;
    unset($bad['address']['province']);
    $bad['phone'] = '555';
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::validateContact($bad));
    $fields = array_column($e?->fields ?? [], 'field');
    check(in_array('contact.address.province', $fields, true) && in_array('contact.phone', $fields, true), 'every bad field: ' . json_encode($fields));
});

test('local: E.164 and vanity', function () {
    check(PhoneCom::e164Normalize('(858) 555-0100') === '+18585550100', 'normalise');
    PhoneCom::e164Check('+442071838750');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::e164Check('858-555'));
    check(str_contains($e?->getMessage() ?? '', '`number` must be E.164'), 'rule named');
    check(PhoneCom::isNanpa('+18585550100') && !PhoneCom::isNanpa('+442071838750'), 'NANPA');
    check(PhoneCom::vanityToDigits('1-800-FLOWERS') === '18003569377', 'vanity');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::vanityToDigits('8%8'));
    check($e?->fields[0]['field'] === 'pattern', 'vanity field');
});

test('local: bad input is refused with a status and an exception', function () {
    $pc = PhoneCom::fromJson(OFFLINE);
    // Invalid UTF-8 through the class.
    $e = expect(\PhoneCom\UsageException::class, fn () => $pc->call("v4.\xff\xfe"));
    check($e?->kind === 'invalid_utf8', 'invalid_utf8 kind');
    $e = expect(\PhoneCom\UsageException::class, fn () => $pc->call('v4.get-account', ['x' => "\xff"]));
    check($e?->kind === 'invalid_utf8', 'parameters that are not UTF-8');
    $e = expect(\PhoneCom\UsageException::class, fn () => PhoneCom::e164Normalize("\xff"));
    check($e?->kind === 'invalid_utf8', 'helper with invalid UTF-8');
    // NULL and invalid JSON straight through the C API.
    $ffi = Library::ffi();
    $out = $ffi->new('char*');
    $e = expect(\PhoneCom\UsageException::class, fn () => Library::check($ffi->phonecom_call(null, 'v4.get-account', '{}', FFI::addr($out))));
    check($e?->kind === 'null_argument' && $e->status === $ffi->PHONECOM_ERR_NULL_ARGUMENT, 'NULL client');
    check(str_contains($e?->getMessage() ?? '', '`client` is NULL'), 'NULL named');
    $e = expect(\PhoneCom\UsageException::class, fn () => Library::check($ffi->phonecom_e164_check(null)));
    check($e?->kind === 'null_argument', 'NULL number');
    $e = expect(\PhoneCom\UsageException::class, fn () => Library::check($ffi->phonecom_json_get('{"a": ', '/a', FFI::addr($out))));
    check($e?->kind === 'invalid_json' && $e->status === $ffi->PHONECOM_ERR_INVALID_JSON, 'invalid JSON');
    $e = expect(\PhoneCom\UsageException::class, fn () => PhoneCom::fromJson('{"v4": '));
    check($e?->kind === 'invalid_json', 'invalid config JSON');
    // Bad input for an operation: refused before sending, every field named.
    $e = expect(\PhoneCom\ValidationException::class, fn () => $pc->call('v4.list-available-phone-numbers', ['limit' => 900, 'colour' => 1]));
    $fields = array_column($e?->fields ?? [], 'field');
    check(in_array('limit', $fields, true) && in_array('colour', $fields, true) && $e?->attempts === 0, 'fields ' . json_encode($fields));
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::fromJson(['v4' => ['tokn' => 'x']]));
    check(str_contains($e?->getMessage() ?? '', 'tokn'), 'config typo named');
    // A transport failure, the token masked.
    $e = expect(\PhoneCom\TransportException::class, fn () => $pc->call('v4.get-account'));
    check(!str_contains(json_encode($e?->error), 'sbx_offline_secret_token'), 'token masked');
    check($pc->userAgent() !== '' && str_contains($pc->userAgent(), '(php; '), 'binding name php in the User-Agent');
});

test('local: call control, parsed and rendered directly', function () {
    $req = PhoneCom::callControlParse('uniqueID=8f2a&dialedNumber=18585602222&callerIdNumber=16195550100');
    check($req['event'] === 'new_call' && $req['callerIdNumber'] === '16195550100', 'new call');
    $req = PhoneCom::callControlParse('uniqueID=8f2a&dialedNumber=18585602222&previous-response=play-and-get-digits%2CMain%2CD&digits=2');
    check($req['event'] === 'digits' && $req['digits'] === '2', 'digits');
    check(PhoneCom::callControlParse('uniqueID=8f2a&dialedNumber=18585602222&duration=42')['duration'] === 42, 'completed');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::callControlParse('callerIdNumber=1'));
    check(in_array('uniqueID', array_column($e?->fields ?? [], 'field'), true), 'missing uniqueID named');

    $line = PhoneCom::callControlRender(['command' => 'simple-forward-voicetag', 'text' => 'Sales call', 'number' => '+18585550100']);
    check($line === 'simple-forward-voicetag,"Sales call",18585550100', $line);
    check(PhoneCom::callControlRender(['command' => 'play-and-get-digits', 'recording' => 'Main Menu', 'patterns' => ['DDD', 'DDDD']]) === 'play-and-get-digits,Main Menu,DDD|DDDD', 'digits command');
    check(PhoneCom::callControlRender(['command' => 'multiple-forward', 'numbers' => ['+18585602222', '+18585602223']]) === 'multiple-forward,18585602222,18585602223', 'multiple forward');
    $back = PhoneCom::callControlParseCommand($line);
    check($back['command'] === 'simple-forward-voicetag' && $back['text'] === 'Sales call', 'read back');
    $e = expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::callControlRender(['command' => 'simple-forward-voicetag', 'text' => "a\"\nsimple-forward,19005550100", 'number' => '+18585550100']));
    check(($e?->fields[0]['field'] ?? '') !== '', 'injection refused, field named');
    expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::callControlRender(['command' => 'simple-forward', 'number' => '858']));
    expect(\PhoneCom\ValidationException::class, fn () => PhoneCom::callControlRender(['command' => 'hang-up']));
});
