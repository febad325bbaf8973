<?php
/**
 * Loading: every failure names the variable to set and each place tried with why it failed; and
 * the documented `use PhoneCom\PhoneCom;` + `catch (PhoneCom\PhoneComException $e)` works as
 * written (php/README.md's snippet is run as it is). Each case runs in a child PHP, since a
 * process loads the library once.
 */

declare(strict_types=1);

use PhoneCom\PhoneCom;

/** Run PHP $code (a whole file's text) in a child with $env over ours; [exit status, stdout, stderr]. */
function php_child(string $code, array $env = []): array
{
    $file = tempnam(sys_get_temp_dir(), 'phonecom-child-') . '.php';
    file_put_contents($file, $code);
    $vars = array_filter(array_replace(getenv(), $env), fn ($v) => $v !== null);
    $child = proc_open([PHP_BINARY, $file], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $vars);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $status = proc_close($child);
    unlink($file);
    return [$status, $out, $err];
}

/** Load the library in a child with $env; what the loader threw, as "Class|message|json(tried)". */
function load_in_child(array $env): string
{
    $code = '<?php require ' . var_export(__DIR__ . '/../autoload.php', true) . ';'
        . ' try { PhoneCom\Library::ffi(); echo "loaded"; }'
        . ' catch (PhoneCom\LoaderException $e) { echo get_class($e), "|", $e->getMessage(), "|", json_encode($e->tried); }';
    [, $out, $err] = php_child($code, $env);
    return $out . $err;
}

function real_header(): string
{
    return (string)(getenv('PHONECOM_PHP_HEADER') ?: realpath(__DIR__ . '/../../../include/phonecom_php.h'));
}

test('loader: PHONECOM_LIB naming a missing, a non-library or a directory says which and why', function () {
    $dir = sys_get_temp_dir() . '/phonecom-no-lib-' . getmypid();
    @mkdir($dir);
    foreach ([
        "$dir/libphonecom.so" => 'no such file',
        real_header() => 'not a shared library (no ELF header)',
        $dir => 'a directory, not a file',
    ] as $lib => $why) {
        $got = load_in_child(['PHONECOM_LIB' => $lib]);
        check(str_starts_with($got, 'PhoneCom\LibraryNotFoundException|'), "a LibraryNotFoundException: $got");
        check(str_contains($got, "$lib: $why (PHONECOM_LIB)"), "names $lib and why ($why): $got");
        check(str_contains($got, 'Point PHONECOM_LIB at the libphonecom.so file'), "says what to do: $got");
    }
    rmdir($dir);
});

test('loader: without PHONECOM_LIB every default place is listed with its reason', function () {
    $got = load_in_child(['PHONECOM_LIB' => null, 'LD_LIBRARY_PATH' => '']);
    if ($got === 'loaded') {
        throw new Skip('libphonecom.so is installed on the loader\'s search path here');
    }
    check(str_contains($got, "libphonecom.so: not on the loader's search path"), "the loader's path: $got");
    check(str_contains($got, '/lib/libphonecom.so: no such file (bundled with the package)'), "the bundled copy: $got");
    check(str_contains($got, 'Set PHONECOM_LIB to the path of libphonecom.so'), "names PHONECOM_LIB: $got");
});

test('loader: PHONECOM_PHP_HEADER missing or unreadable by FFI says so', function () {
    $missing = sys_get_temp_dir() . '/phonecom-missing-' . getmypid() . '.h';
    $got = load_in_child(['PHONECOM_PHP_HEADER' => $missing]);
    check(str_starts_with($got, 'PhoneCom\HeaderNotFoundException|'), "a HeaderNotFoundException: $got");
    check(str_contains($got, "$missing: no such file (PHONECOM_PHP_HEADER)"), "names the path and why: $got");
    check(str_contains($got, 'Point PHONECOM_PHP_HEADER at an existing phonecom_php.h'), "says what to do: $got");

    $garbage = tempnam(sys_get_temp_dir(), 'phonecom-header-');
    file_put_contents($garbage, "phonecom_status phonecom_version(void)\n");
    $got = load_in_child(['PHONECOM_PHP_HEADER' => $garbage]);
    check(str_contains($got, "the PHP header $garbage is not a header FFI can read"), "a header FFI refuses: $got");
    unlink($garbage);
});

test('loader: a header and a library of different versions are named as such', function () {
    $newer = tempnam(sys_get_temp_dir(), 'phonecom-header-');
    file_put_contents($newer, file_get_contents(real_header()) . "\nint phonecom_from_the_future(void);\n");
    $got = load_in_child(['PHONECOM_PHP_HEADER' => $newer]);
    check(str_starts_with($got, 'PhoneCom\LibraryNotFoundException|'), "a LibraryNotFoundException: $got");
    check(str_contains($got, '(' . PhoneCom::version() . ') lacks a function the header ' . $newer), "names both and the version: $got");
    check(str_contains($got, 'phonecom_from_the_future') && str_contains($got, 'different versions'), "says why: $got");
    unlink($newer);
});

test('namespace: php/README.md\'s catch snippet runs as written', function () {
    $readme = (string)file_get_contents(__DIR__ . '/../../../php/README.md');
    check(preg_match('/## Errors.*?```php\n(.*?)```/s', $readme, $m) === 1, 'the snippet is in the README');
    $snippet = str_replace(
        "require 'vendor/autoload.php';",
        'require ' . var_export(realpath(__DIR__ . '/../../../php/autoload.php'), true) . ';',
        $m[1] ?? ''
    );
    check(str_contains($snippet, 'use PhoneCom\PhoneCom;') && str_contains($snippet, 'catch (PhoneCom\PhoneComException $e)'), 'the snippet imports PhoneCom');
    $config = ['PHONECOM_CONFIG' => json_encode(sandbox_config())];
    [$status, $out, $err] = php_child($snippet, $config);
    check($status === 0 && preg_match('/^no such extension \(HTTP 404, request id \S+\)$/', trim($out)) === 1, "NotFoundException caught: $status $out $err");
    // The PhoneComException branch, as written and fully qualified.
    $typo = str_replace("call('v4.get-account-extension', ['extension_id' => 424242])", "call('v4.get-acount')", $snippet);
    foreach ([$typo, str_replace('catch (PhoneCom\\', 'catch (\PhoneCom\\', $typo)] as $code) {
        [$status, $out, $err] = php_child($code, $config);
        check($status === 0 && str_starts_with($out, 'validation: ') && str_contains($out, 'v4.get-account'), "PhoneComException caught, with the suggestion: $status $out $err");
    }
});

test('namespace: with the import, every exception class answers to PhoneCom\\<Class>', function () {
    try {
        client()->call('v4.get-account-extension', ['extension_id' => 424242]);
        check(false, 'nothing thrown');
    } catch (PhoneCom\NotFoundException $e) {
        check($e instanceof \PhoneCom\NotFoundException && $e instanceof PhoneCom\PhoneComException, 'the same classes');
        check(get_class($e) === 'PhoneCom\NotFoundException', 'the real name stays: ' . get_class($e));
    }
    check(PhoneCom\UsageException::class === 'PhoneCom\PhoneCom\UsageException', 'the name the import gives');
    foreach (['ValidationException', 'RateLimitedException', 'InternalException', 'LibraryNotFoundException', 'HeaderNotFoundException'] as $class) {
        check(class_exists("PhoneCom\\PhoneCom\\$class") && is_a("PhoneCom\\PhoneCom\\$class", "PhoneCom\\$class", true), "$class aliased");
    }
});
