// `npm run eval:redaction`: scores the output redactor on the labelled PII corpus with exact-span
// matching (type + start + end), prints precision and recall per type and overall, lists every miss
// and false positive, and exits 1 below the targets of issue 5.
//   NEXUS_FIXTURES_DIR=/path/to/fixtures npm run eval:redaction [-- --json]
import { readFileSync } from 'node:fs';
import { FIXTURE_COMPANY_CONTACTS, parseLabelledJsonl, REDACTION_TARGETS } from '../src/core/ai/redaction/fixture.js';
import { redact, scoreRedactions, type TypeScore } from '../src/core/ai/redaction/index.js';
import { fixturePath } from '../test/support/fixtures.js';

const corpusPath = fixturePath('pii-dev.jsonl');
const items = parseLabelledJsonl(readFileSync(corpusPath, 'utf8'));

const started = performance.now();
const score = scoreRedactions(items, (text) => redact(text, FIXTURE_COMPANY_CONTACTS).findings);
const elapsedMs = performance.now() - started;

const passed = score.overall.recall >= REDACTION_TARGETS.recall && score.overall.precision >= REDACTION_TARGETS.precision;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ corpus: corpusPath, items: items.length, ...score, targets: REDACTION_TARGETS, passed }, null, 2));
} else {
  const row = (t: TypeScore) =>
    `${t.type.padEnd(10)} ${String(t.truePositives).padStart(4)} ${String(t.falsePositives).padStart(4)} ${String(t.falseNegatives).padStart(4)}   ${t.precision.toFixed(3)}     ${t.recall.toFixed(3)}`;
  console.log(`Corpus: ${corpusPath} (${items.length} texts, ${score.overall.truePositives + score.overall.falseNegatives} labelled spans)`);
  console.log(`Redacted in ${elapsedMs.toFixed(1)} ms\n`);
  console.log('TYPE         TP   FP   FN   PRECISION RECALL');
  for (const t of score.perType) console.log(row(t));
  console.log(row(score.overall));
  console.log(`\nMisses (${score.misses.length}):`);
  for (const m of score.misses) console.log(`  ${m.id}  ${m.type}  [${m.start},${m.end})  ${JSON.stringify(m.text)}`);
  console.log(`False positives (${score.falsePositives.length}):`);
  for (const f of score.falsePositives) console.log(`  ${f.id}  ${f.type}  [${f.start},${f.end})  ${JSON.stringify(f.text)}`);
  console.log(
    `\nTarget: recall >= ${REDACTION_TARGETS.recall}, precision >= ${REDACTION_TARGETS.precision} overall: ${passed ? 'PASSED' : 'FAILED'}`,
  );
}
process.exitCode = passed ? 0 : 1;
