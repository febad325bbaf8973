<?php
/**
 * The sandbox shipped with the package: a local, stateful stand-in for every Phone.com service,
 * for developing before you have credentials.
 *
 *     $sandbox = PhoneCom\Sandbox::start();          // waits for its config line
 *     $client = PhoneCom\PhoneCom::fromJson($sandbox->config());
 *     ...
 *     $sandbox->stop();                              // or let it go out of scope
 *
 * The binary is $PHONECOM_SANDBOX_BIN when set, else the one bundled with the Composer package
 * (bin/phonecom-sandbox next to src/), else `phonecom-sandbox` on PATH (the Debian package and the
 * C tarball install one). It runs with --exit-on-eof: it stops when this process closes its stdin,
 * so it never outlives the script.
 */

declare(strict_types=1);

namespace PhoneCom;

final class Sandbox
{
    /** @var resource|null */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    private string $configLine;

    /** @param array<int, resource> $pipes @param resource $process */
    private function __construct($process, array $pipes, string $configLine)
    {
        $this->process = $process;
        $this->pipes = $pipes;
        $this->configLine = $configLine;
    }

    public function __destruct()
    {
        $this->stop();
    }

    /** The binary start() runs. */
    public static function binary(): string
    {
        $env = getenv('PHONECOM_SANDBOX_BIN');
        if ($env) {
            return $env;
        }
        $bundled = __DIR__ . '/../bin/phonecom-sandbox';
        if (is_file($bundled)) {
            // An archive extracted without modes loses the executable bit.
            if (!is_executable($bundled)) {
                @chmod($bundled, 0755);
            }
            return $bundled;
        }
        return 'phonecom-sandbox';
    }

    /**
     * Start a sandbox and wait for its config line. $seed: the same seed gives the same credentials
     * and number inventory; $port: 0 for any free loopback port.
     */
    public static function start(?int $seed = null, int $port = 0, bool $rateLimit = false): self
    {
        $binary = self::binary();
        $command = [$binary, '--exit-on-eof', '--port', (string)$port];
        if ($seed !== null) {
            array_push($command, '--seed', (string)$seed);
        }
        if ($rateLimit) {
            $command[] = '--rate-limit';
        }
        $process = @proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $pipes);
        if (!is_resource($process)) {
            throw new \RuntimeException("libphonecom: cannot run the sandbox $binary; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary");
        }
        $line = fgets($pipes[1]);
        if ($line === false || trim($line) === '') {
            fclose($pipes[0]);
            fclose($pipes[1]);
            $status = proc_close($process);
            throw new \RuntimeException("libphonecom: the sandbox $binary exited (status $status) before printing its config; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary");
        }
        return new self($process, $pipes, trim($line));
    }

    /** The config line as JSON text: PhoneCom::fromJson($sandbox->configJson()). */
    public function configJson(): string
    {
        return $this->configLine;
    }

    /** The config line decoded: PhoneCom::fromJson($sandbox->config()). */
    public function config(): array
    {
        return json_decode($this->configLine, true, 512, JSON_THROW_ON_ERROR);
    }

    /** Stop the sandbox (closes its stdin) and wait for it to exit. */
    public function stop(): void
    {
        if ($this->process === null) {
            return;
        }
        fclose($this->pipes[0]);
        fclose($this->pipes[1]);
        proc_close($this->process);
        $this->process = null;
    }
}
