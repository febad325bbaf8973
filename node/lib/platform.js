'use strict';
// Which prebuilt binaries fit this machine, named the way napi-rs names them: `linux-x64-gnu`,
// `linux-arm64-musl`, `darwin-arm64`, ... The package ships `phonecom.<triple>.node` and
// `prebuilt/<triple>/phonecom-sandbox` for the triples it was built for (linux-x64-gnu today).

const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** `gnu` or `musl` on Linux (napi-rs's test: glibc reports its version at run time). */
function linuxLibc() {
  const header = process.report && typeof process.report.getReport === 'function' ? process.report.getReport().header : {};
  return header && header.glibcVersionRuntime ? 'gnu' : 'musl';
}

/** This machine's triple, e.g. `linux-x64-gnu`. */
function triple() {
  const base = `${process.platform}-${process.arch}`;
  return process.platform === 'linux' ? `${base}-${linuxLibc()}` : base;
}

/** Where the prebuilt addon for this machine would be (it may not exist). */
function prebuiltAddon() {
  return path.join(ROOT, `phonecom.${triple()}.node`);
}

/** Where the prebuilt sandbox binary for this machine would be (it may not exist). */
function prebuiltSandbox() {
  return path.join(ROOT, 'prebuilt', triple(), process.platform === 'win32' ? 'phonecom-sandbox.exe' : 'phonecom-sandbox');
}

module.exports = { ROOT, triple, prebuiltAddon, prebuiltSandbox };
