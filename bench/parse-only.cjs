// Baseline for `scan --no-types`: read and parse every source file of a folder, nothing else.
// CommonJS on purpose: `require('typescript')` is the cheapest way any tool can load the compiler.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(process.argv[2] ?? '.');
let parsed = 0;
for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.[cm]?[jt]sx?$/.test(entry.name) || /\.d\.[cm]?ts$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  if (file.split(path.sep).includes('node_modules')) continue;
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  parsed++;
}
process.stdout.write(`${parsed}\n`);
