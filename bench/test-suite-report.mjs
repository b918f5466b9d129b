#!/usr/bin/env node
/**
 * Summarises a jest --json report (bench/test-suite.sh): counts, wall time, CPU time (from
 * /usr/bin/time -v, jest and every process it waited for), the slowest files and tests.
 *   node bench/test-suite-report.mjs JEST_JSON [TIME_TXT] [N]
 */
import { readFileSync } from 'node:fs';

const [jsonFile, timeFile, n = '30'] = process.argv.slice(2);
if (!jsonFile) {
  console.error('usage: node bench/test-suite-report.mjs JEST_JSON [TIME_TXT] [N]');
  process.exit(2);
}
const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
const rel = (name) => name.replace(/^.*?\/test\//, 'test/');
const files = report.testResults
  .map((t) => ({ file: rel(t.name), s: (t.endTime - t.startTime) / 1000, tests: t.assertionResults.length }))
  .sort((a, b) => b.s - a.s);
const tests = report.testResults
  .flatMap((t) => t.assertionResults.map((a) => ({ name: `${rel(t.name)} › ${a.fullName}`, s: (a.duration ?? 0) / 1000, status: a.status })))
  .sort((a, b) => b.s - a.s);
const wallS = (Math.max(...report.testResults.map((t) => t.endTime)) - report.startTime) / 1000;

console.log(`suites: ${report.numPassedTestSuites} passed of ${report.numTotalTestSuites}; tests: ${report.numPassedTests} passed, ` +
  `${report.numFailedTests} failed, ${report.numPendingTests} skipped, ${report.numTodoTests} todo, of ${report.numTotalTests}`);
console.log(`jest wall time: ${wallS.toFixed(0)} s`);
if (timeFile) {
  const time = readFileSync(timeFile, 'utf8');
  const field = (label) => Number(time.match(new RegExp(`${label}: ([0-9.]+)`))?.[1]);
  const cpu = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
  console.log(`CPU time (user + system, jest and its child processes): ${cpu.toFixed(0)} s; max RSS ${(field('Maximum resident set size \\(kbytes\\)') / 1024).toFixed(0)} MiB`);
}
console.log(`\nslowest ${n} files (wall s, tests):`);
for (const f of files.slice(0, Number(n))) console.log(`${f.s.toFixed(1).padStart(7)} ${String(f.tests).padStart(4)}  ${f.file}`);
console.log(`\nslowest ${n} tests (wall s):`);
for (const t of tests.slice(0, Number(n))) console.log(`${t.s.toFixed(1).padStart(7)}  ${t.name}`);
const notPassed = tests.filter((t) => t.status !== 'passed');
if (notPassed.length > 0) {
  console.log(`\nnot passed (${notPassed.length}):`);
  for (const t of notPassed) console.log(`  ${t.status}  ${t.name}`);
}
