import { execFile } from 'node:child_process';

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the headless runner as a user would (`npm run notebook -- …`), in a child process. */
export function runner(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', ['src/cli/notebook.ts', ...args], { timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
