<?php
// The PHP package without Composer: require this file (Composer users get the same classes
// through the PSR-4 autoload of composer.json and its "files" entry for the exception family).
require_once __DIR__ . '/src/Exceptions.php';
require_once __DIR__ . '/src/Loader.php';
require_once __DIR__ . '/src/Library.php';
require_once __DIR__ . '/src/Response.php';
require_once __DIR__ . '/src/PhoneCom.php';
require_once __DIR__ . '/src/Sandbox.php';
