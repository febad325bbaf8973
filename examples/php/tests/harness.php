<?php
/**
 * A tiny test harness: test() registers a case, check()/expect() record failures, run() prints
 * one line per case and the closing "N passed, N failed, N skipped" line.
 * The sandbox's config line comes from PHONECOM_SANDBOX_CONFIG; its admin API is reached through
 * PhoneCom\Sandbox::attach() (sandbox()).
 */

declare(strict_types=1);

require_once __DIR__ . '/../autoload.php';

use PhoneCom\PhoneCom;
use PhoneCom\Sandbox;

final class Skip extends Exception {}

$GLOBALS['tests'] = [];
$GLOBALS['failures'] = [];

function test(string $name, callable $fn): void
{
    $GLOBALS['tests'][] = [$name, $fn];
}

function check(bool $ok, string $what): void
{
    if (!$ok) {
        $where = debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS, 1)[0];
        $GLOBALS['failures'][] = sprintf('%s:%d: %s', basename($where['file']), $where['line'], $what);
    }
}

/** Run $fn, which must throw $class; returns the exception for more checks. */
function expect(string $class, callable $fn): ?Throwable
{
    try {
        $fn();
    } catch (Skip $s) {
        throw $s;
    } catch (Throwable $e) {
        check($e instanceof $class, "expected $class, got " . get_class($e) . ': ' . $e->getMessage());
        return $e;
    }
    check(false, "expected $class, nothing thrown");
    return null;
}

function sandbox_config(): array
{
    $text = getenv('PHONECOM_SANDBOX_CONFIG');
    if (!$text) {
        throw new Skip('no sandbox');
    }
    return json_decode($text, true, 512, JSON_THROW_ON_ERROR);
}

/** A client on the sandbox with quick retries; $extra merges into the config. */
function client(array $extra = [], ?callable $log = null): PhoneCom
{
    $config = sandbox_config();
    $config['retry'] = ['max_attempts' => 3, 'base_delay_ms' => 5, 'max_delay_ms' => 50, 'deadline_ms' => 20000];
    $config['timeouts'] = ['connect_ms' => 2000, 'overall_ms' => 15000];
    return PhoneCom::fromJson(array_replace_recursive($config, $extra), $log);
}

function account_id(): int
{
    return (int)sandbox_config()['v4']['account_id'];
}

/** The suite's sandbox (PHONECOM_SANDBOX_CONFIG's), through the package's own helper. */
function sandbox(): Sandbox
{
    static $sandbox = null;
    return $sandbox ??= Sandbox::attach(sandbox_config()['v4']['base_url']);
}

/** Queue a sandbox fault for the next $times requests matching method and path prefix. */
function fault(string $method, string $path, string $spec, int $times = 1): void
{
    sandbox()->queueFault($spec, method: $method, path: $path, times: $times);
}

function run(): int
{
    $passed = $failed = $skipped = 0;
    foreach ($GLOBALS['tests'] as [$name, $fn]) {
        $GLOBALS['failures'] = [];
        try {
            $fn();
        } catch (Skip $s) {
            $skipped++;
            echo "skip $name ({$s->getMessage()})\n";
            continue;
        } catch (Throwable $e) {
            $GLOBALS['failures'][] = 'uncaught ' . get_class($e) . ': ' . $e->getMessage() . ' at ' . basename($e->getFile()) . ':' . $e->getLine();
        }
        if ($GLOBALS['failures']) {
            $failed++;
            echo "FAIL $name\n";
            foreach ($GLOBALS['failures'] as $f) {
                echo "    $f\n";
            }
        } else {
            $passed++;
            echo "ok   $name\n";
        }
    }
    echo "\n$passed passed, $failed failed, $skipped skipped\n";
    return $failed === 0 ? 0 : 1;
}
