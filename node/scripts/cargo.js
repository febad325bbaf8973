'use strict';
// Build a crate of this workspace with cargo and return the path of one of its artifacts.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// A checkout builds in the repository's workspace; a packed package (scripts/package.sh) in the
// Rust sources it carries under rust/.
const BUNDLED = path.resolve(__dirname, '..', 'rust');
const WORKSPACE = fs.existsSync(path.join(BUNDLED, 'Cargo.toml')) ? BUNDLED : path.resolve(__dirname, '..', '..');

/**
 * `cargo build -p <pkg>` in the workspace; returns the artifact of `kind` (`cdylib` -> the shared
 * library, `bin` -> the executable). Diagnostics go to stderr as usual.
 */
function cargoArtifact({ pkg, kind, release = false }) {
  const cargo = process.env.CARGO || 'cargo';
  const args = ['build', '-p', pkg, '--message-format=json-render-diagnostics'];
  if (release) args.push('--release');
  const run = spawnSync(cargo, args, {
    cwd: WORKSPACE,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) {
    if (run.error.code === 'ENOENT') {
      throw new Error(`\`${cargo}\` was not found: the addon is built from source, install the Rust toolchain (rustup)`);
    }
    throw run.error;
  }
  if (run.status !== 0) throw new Error(`cargo build -p ${pkg} failed (exit ${run.status})`);
  let found = null;
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line);
    if (msg.reason !== 'compiler-artifact' || msg.package_id === undefined) continue;
    if (!msg.target.kind.includes(kind)) continue;
    if (!msg.package_id.includes(pkg) && msg.target.name !== pkg.replace(/-/g, '_') && msg.target.name !== pkg) continue;
    if (kind === 'bin') found = msg.executable;
    else found = msg.filenames.find((f) => /\.(so|dylib|dll)$/.test(f)) || found;
  }
  if (!found) throw new Error(`cargo built ${pkg} but reported no ${kind} artifact`);
  return found;
}

module.exports = { cargoArtifact, WORKSPACE };
