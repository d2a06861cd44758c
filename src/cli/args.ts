/** Options of `notebook run`; parsing never throws past a `UsageError`. */
export interface RunOptions {
  notebookPath: string;
  dataPath: string;
  target: string | null;
  exclude: string[] | null;
  /** A model.json (weights beside it) every Score cell scores with. */
  modelPath?: string;
  /** Where to write the last Train cell's model, as model.json plus its weights file. */
  saveModelPath?: string;
  json: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = 'usage: notebook run <notebook.json> --data <file> [--target COL] [--exclude A,B] [--model model.json] [--save-model out.json] [--json]';

export function parseRunArgs(argv: readonly string[]): RunOptions {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new UsageError(command ? `unknown command '${command}' (${USAGE})` : USAGE);
  const positional: string[] = [];
  const options: Omit<RunOptions, 'notebookPath' | 'dataPath'> & { dataPath: string | null } = { dataPath: null, target: null, exclude: null, json: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--data') options.dataPath = value();
    else if (arg === '--target') options.target = value();
    else if (arg === '--exclude') options.exclude = value().split(',').map((name) => name.trim()).filter((name) => name !== '');
    else if (arg === '--model') options.modelPath = value();
    else if (arg === '--save-model') options.saveModelPath = value();
    else if (arg === '--json') options.json = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}' (${USAGE})`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? `missing the notebook file (${USAGE})` : `expected one notebook file, got ${positional.length}`);
  if (!options.dataPath) throw new UsageError(`missing --data <file> (${USAGE})`);
  return { ...options, notebookPath: positional[0], dataPath: options.dataPath };
}
