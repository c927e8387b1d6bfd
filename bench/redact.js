// One npm PII library over the same corpus, for comparison: @redactpii/node (regex-based).
// Usage: node bench/redact.js CORPUS_DIR
const fs = require('fs');
const path = require('path');
const { Redactor } = require('@redactpii/node');

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out); else if (!e.name.endsWith('.jsonl') || !e.name.startsWith('labels') && !e.name.startsWith('nearmisses')) out.push(p);
  }
  return out;
}
const files = walk(process.argv[2], []);
const redactor = new Redactor();
let bytes = 0;
const t0 = process.hrtime.bigint();
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  bytes += Buffer.byteLength(text);
  redactor.redact(text);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`npm_bytes=${bytes} npm_seconds=${secs.toFixed(3)} npm_mb_s=${(bytes / 1e6 / secs).toFixed(1)}`);
