// Run in a fresh Node process by cold-import.mjs: imports the modules named on the command line, in order, and
// prints how long that took (ms) as JSON. Nothing else is loaded first, so the figure is the import alone.
// The first performance.now() loads Node's perf_hooks; it is called once before timing so that cost is not counted.
performance.now();
const started = performance.now();
for (const specifier of process.argv.slice(2)) {
  await import(specifier);
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms })}\n`);
