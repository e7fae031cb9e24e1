#!/usr/bin/env node
// Assembles the WebAssembly text under src/ (the literal scan) into dist/, beside the compiled JS
// that loads it. wabt is a development dependency: an installed package ships the .wasm built.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = await wabt();
for (const name of ['src/parse/literals']) {
  const source = join(root, `${name}.wat`);
  const module = tools.parseWat(source, readFileSync(source, 'utf8'));
  module.validate();
  const out = join(root, 'dist', `${name}.wasm`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, module.toBinary({}).buffer);
  module.destroy();
}
