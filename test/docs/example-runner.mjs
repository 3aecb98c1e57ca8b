// Runs the numbered example programs given as arguments, one after the other, in this one process, as
// `npm run example` runs each (`node --enable-source-maps --import ./scripts/register-ts.mjs FILE`),
// and prints one JSON object: for each program, what it wrote on standard output and standard error,
// and the exit code its own process would have had (1 when it threw). One process instead of one per
// program: starting Node, the TypeScript loader and the package was most of a short example's time.
import { pathToFileURL } from 'node:url';

const out = process.stdout.write.bind(process.stdout);
const err = process.stderr.write.bind(process.stderr);
let current = { stdout: '', stderr: '' };
const capture = (key) => (chunk, encoding, callback) => {
  current[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  const done = typeof encoding === 'function' ? encoding : callback;
  if (typeof done === 'function') queueMicrotask(done);
  return true;
};
process.stdout.write = capture('stdout');
process.stderr.write = capture('stderr');

const results = {};
for (const file of process.argv.slice(2)) {
  current = { stdout: '', stderr: '' };
  let code = 0;
  try {
    await import(pathToFileURL(file).href);
    // What the program left running (a timer, a stream) finishes before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
  } catch (error) {
    current.stderr += `${error instanceof Error ? error.stack : String(error)}\n`;
    code = 1;
  }
  if (process.exitCode !== undefined && process.exitCode !== 0) code = Number(process.exitCode);
  process.exitCode = undefined;
  results[file] = { code, ...current };
}
process.stdout.write = out;
process.stderr.write = err;
out(JSON.stringify(results));
