import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** Debian's interpreter: its apt packages (python3-nbformat) are where `npm test` installs them, whatever python3 comes first on PATH. */
const debianPython = '/usr/bin/python3';
const nbconvert = '/usr/bin/jupyter-nbconvert';
const TOOL_TIMEOUT_MS = 60_000;

/** Runs a Jupyter tool; its failure throws with what it printed (execFile puts stderr in the message). */
async function runJupyterTool(command: string, args: string[]): Promise<void> {
  try {
    await execFileAsync(command, args, { timeout: TOOL_TIMEOUT_MS });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${command} is missing: \`npm test\` installs it (apt-get install jupyter-nbconvert python3-nbformat)`);
    }
    throw error;
  }
}

/** Checks the file with Jupyter's own validator; a refusal throws with Python's message. */
export async function validateWithNbformat(path: string): Promise<void> {
  await runJupyterTool(debianPython, ['-c', 'import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', path]);
}

/** The page nbconvert (nbviewer's renderer) makes of the notebook, written beside it. */
export async function nbconvertToHtml(path: string): Promise<string> {
  const folder = dirname(path);
  await runJupyterTool(nbconvert, ['--to', 'html', '--output-dir', folder, path]);
  return readFileSync(join(folder, `${basename(path).replace(/\.ipynb$/, '')}.html`), 'utf8');
}
