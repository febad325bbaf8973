<?php
/**
 * The PHP suite of libphonecom: local helpers and bad input, then the flows, every error kind and
 * call control (the handler served by `php -S`) against the sandbox (PHONECOM_SANDBOX_CONFIG), and the
 * PhoneCom\Sandbox helper on sandboxes of its own (PHONECOM_SANDBOX_BIN). Run by ffi-c/tests/run.sh:
 *   PHONECOM_LIB=.../libphonecom.so PHONECOM_SANDBOX_CONFIG='{...}' php examples/php/tests/run.php
 */

declare(strict_types=1);

require __DIR__ . '/harness.php';
require __DIR__ . '/test_local.php';
require __DIR__ . '/test_flows.php';
require __DIR__ . '/test_errors.php';
require __DIR__ . '/test_exchange.php';
require __DIR__ . '/test_loader.php';
require __DIR__ . '/test_callcontrol.php';
require __DIR__ . '/test_sandbox.php';
require __DIR__ . '/test_progress.php';

exit(run());
