<?php
// The PHP package without Composer: require this file (Composer users get the same files through
// the "files" autoload of composer.json).
require_once __DIR__ . '/src/Exceptions.php';
require_once __DIR__ . '/src/Library.php';
require_once __DIR__ . '/src/PhoneCom.php';
