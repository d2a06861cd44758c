import { parseRunArgs, UsageError } from './args';
import { cellLine, jsonReport } from './report';
import { RunError, runNotebook } from './run-notebook';

// TF.js and its WASM loader talk through console.*; stdout is reserved for the report.
for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;

function fail(message: string): never {
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const options = parseRunArgs(process.argv.slice(2));
  const run = await runNotebook(options);
  const output = options.json ? `${JSON.stringify(jsonReport(run))}\n` : `${run.records.map(cellLine).join('\n')}\n`;
  // Exit explicitly once written: the WASM runtime may keep handles open.
  process.stdout.write(output, () => process.exit(0));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof RunError) fail(error.message);
  fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
});
