<?php
// The examples and tests use the PHP package of this repository (php/) without Composer.
require_once __DIR__ . '/../../php/autoload.php';
