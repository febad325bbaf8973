<?php
/**
 * An auto-attendant menu with REST API v1: two routes (call-handling rules) "Sales" and
 * "Support", the greeting callers hear (a WAV file, checked before it is sent), the menu (press 1
 * for Sales, 2 for Support), read back.
 *
 * Run: PHONECOM_CONFIG=config.json php examples/php/v1_menu.php
 */

declare(strict_types=1);

require __DIR__ . '/autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\PhoneComException;

/** One second of a 440 Hz tone: 8 kHz, 16-bit mono PCM in a RIFF/WAVE file. */
function greeting_wav(): string
{
    $samples = '';
    for ($i = 0; $i < 8000; $i++) {
        $samples .= pack('v', (int)(8000 * sin(2 * M_PI * 440 * $i / 8000)) & 0xffff);
    }
    return 'RIFF' . pack('V', 36 + strlen($samples)) . 'WAVEfmt '
        . pack('VvvVVvv', 16, 1, 1, 8000, 16000, 2, 16) // PCM, mono, 8 kHz, 2 bytes a frame, 16 bits
        . 'data' . pack('V', strlen($samples)) . $samples;
}

try {
    $pc = PhoneCom::fromEnv();

    // 1-2. The routes each key leads to: ring an extension.
    $routes = [];
    foreach ([['Sales', '102'], ['Support', '101']] as $i => [$name, $extension]) {
        $created = $pc->call('v1.routes.create', ['body' => ['name' => $name, 'rules' => [['action' => 'ring', 'extension' => $extension]]]]);
        $routes[$name] = $created['resource_id'];
        echo 'step ', $i + 1, ": created route $name ({$routes[$name]}), ringing extension $extension\n";
    }

    // 3. The greeting, base64 in the parameters; type and size are checked before sending.
    $wav = greeting_wav();
    $media = $pc->call('v1.media.create', ['name' => 'Main menu greeting', 'file' => ['filename' => 'main-menu.wav', 'content_base64' => base64_encode($wav)]]);
    echo 'step 3: uploaded greeting main-menu.wav (', strlen($wav), " bytes) as {$media['resource_id']}\n";

    // 4. The menu: the greeting, then 1 -> Sales, 2 -> Support; callers may dial an extension.
    $menu = $pc->call('v1.menus.create', [
        'name' => 'Main menu',
        'outgoing_recording' => $media['resource_id'],
        'allow_extension_dial' => true,
        'wait_time' => 5,
        'digits' => [['digit' => 1, 'route' => $routes['Sales']], ['digit' => 2, 'route' => $routes['Support']]],
    ]);
    echo "step 4: created menu \"Main menu\" ({$menu['resource_id']}): 1 -> Sales, 2 -> Support\n";

    // 5. Read it back.
    $back = $pc->call('v1.menus.get', ['resource_id' => $menu['resource_id']]);
    echo "step 5: read back \"{$back['name']}\": greeting {$back['outgoing_recording']}, wait {$back['wait_time']} s\n";
    $names = array_flip($routes);
    foreach ($back['digits'] as $d) {
        echo "        press {$d['digit']}: ", $names[$d['route']] ?? $d['route'], "\n";
    }
    if (count($back['digits']) !== 2) {
        throw new RuntimeException('the menu does not have its two keys');
    }
    echo "done\n";
} catch (PhoneComException | RuntimeException $e) {
    fwrite(STDERR, "error: {$e->getMessage()}\n");
    exit(1);
}
