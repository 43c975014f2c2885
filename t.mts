import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateKnowledge } from './src/evaluation/generate.js';
import { KnowledgeStore } from './src/knowledge/store.js';
import { loadKnowledgeOrExit, writeKnowledge } from './scripts/shared.js';
const shipped = await loadKnowledgeOrExit('knowledge');
const big = await writeKnowledge(generateKnowledge(shipped, 40000));
const serving = await mkdtemp(path.join(tmpdir(), 'x-'));
await cp('knowledge', serving, { recursive: true });
const store = await KnowledgeStore.open(serving);
await cp(
  path.join(big, 'stories/ukraine-peace-push/qa.yaml'),
  path.join(serving, 'stories/ukraine-peace-push/qa.yaml'),
);
const t0 = performance.now();
let last = performance.now();
const iv = setInterval(() => {
  const n = performance.now();
  if (n - last > 100) console.log('gap', Math.round(n - last), 'at', Math.round(last - t0));
  last = n;
}, 5);
const r = await store.refresh();
clearInterval(iv);
console.log('refresh', Math.round(performance.now() - t0), r.ok);
