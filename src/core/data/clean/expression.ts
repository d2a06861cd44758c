import { parse } from 'arquero';
import { CellError, type TableArtifact } from '../../cells/types';

/**
 * Row expressions written as text (`d => d.pageviews > 1`, or the short form `d.pageviews > 1`),
 * compiled by arquero.
 *
 * What such a text can reach: arquero parses it with acorn and rewrites it before compiling.
 * Names must be the row (`d.name`, `d["name"]`), `op.*` functions (arquero's own list, called by
 * name only), `Math` constants, or arquero's `$` parameters (none are set here). Calls to
 * anything else, assignments, `new`, loops and function definitions are refused, and the code is
 * compiled in strict mode with only arquero's functions in scope. On top of that this module
 * refuses `this`, tagged templates, statement blocks and property names that lead to prototypes
 * and constructors (`.constructor`, `.__proto__`), so no path to `Function` or the global object
 * is left. Text is never handed to `escape()`, which would run any function as written. And the
 * expressions run in the kernel worker, which has no DOM and holds nothing but the data.
 */

type Node = { type: string } & Record<string, unknown>;

const BLOCKED_PROPERTIES = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** arquero's message, first line only: its notes suggest `escape()` and `addFunction`, not offered here. */
function parseProblem(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const variable = /^Invalid variable reference: "(.*)"$/.exec(message);
  if (variable) return `“${variable[1]}” is not known: write columns as d.name or d["name"]`;
  const call = /^Invalid function call: "(.*)"$/.exec(message);
  if (call) return `“${call[1]}” calls a function arquero does not offer: use op functions such as op.log(d.x) or op.abs(d.x)`;
  if (message.startsWith('Expression parse error')) return 'it is not a valid expression (check brackets, quotes and operators)';
  return message;
}

/** Walks the parsed expression, refusing every construct not listed, and collects the columns it reads. */
function collectColumns(node: Node, columns: Set<string>): void {
  const visit = (child: unknown) => collectColumns(child as Node, columns);
  switch (node.type) {
    case 'Column':
      columns.add(node.name as string);
      return;
    case 'Literal':
    case 'Constant':
    case 'TemplateElement':
      return;
    case 'BinaryExpression':
    case 'LogicalExpression':
      visit(node.left);
      visit(node.right);
      return;
    case 'UnaryExpression':
      visit(node.argument);
      return;
    case 'ConditionalExpression':
      visit(node.test);
      visit(node.consequent);
      visit(node.alternate);
      return;
    case 'ChainExpression':
      visit(node.expression);
      return;
    case 'TemplateLiteral':
      (node.expressions as Node[]).forEach(visit);
      return;
    case 'ArrayExpression':
      (node.elements as Node[]).forEach(visit);
      return;
    case 'CallExpression':
      // arquero has rewritten every allowed call to one of its functions; anything else was refused.
      if ((node.callee as Node).type !== 'Function') throw new CellError('only op functions can be called');
      (node.arguments as Node[]).forEach(visit);
      return;
    case 'MemberExpression': {
      visit(node.object);
      const property = node.property as Node;
      const index = node.computed && property.type === 'Literal' && typeof property.value === 'number';
      if (!index && (node.computed || property.type !== 'Identifier')) throw new CellError('computed properties of values (x[y]) are not allowed: write columns as d.name or d["name"]');
      if (!index && BLOCKED_PROPERTIES.has(property.name as string)) throw new CellError(`.${property.name as string} is not allowed: expressions read column values, not their internals`);
      return;
    }
    case 'ThisExpression':
      throw new CellError('`this` is not allowed: refer to columns as d.name');
    case 'BlockStatement':
      throw new CellError('write one expression, without { } and return');
    default:
      throw new CellError(`${node.type} is not allowed in an expression`);
  }
}

export interface CheckedExpression {
  expression: string;
  /** The columns it reads. */
  columns: string[];
}

/**
 * The expression, checked: it parses, uses only what arquero and the walk above allow, and reads
 * only columns the table has. Errors name the problem; the caller adds which step it is.
 */
export function checkExpression(text: string, data: TableArtifact): CheckedExpression {
  const expression = text.trim();
  if (expression === '') throw new CellError('write an expression over the columns, e.g. d => d.visits > 1');
  let parsed: { exprs: unknown[] };
  try {
    parsed = parse({ expression }, { ast: true });
  } catch (error) {
    throw new CellError(`${parseProblem(error)} in “${expression}”`);
  }
  const columns = new Set<string>();
  collectColumns(parsed.exprs[0] as Node, columns);
  const known = new Set(data.columns.map((column) => column.name));
  for (const column of columns) {
    if (known.has(column)) continue;
    // `d.totals.hits` reads a column `totals`: a dotted name needs brackets.
    const dotted = [...known].find((name) => name.startsWith(`${column}.`));
    const hint = dotted ? `; dotted names need brackets, e.g. d["${dotted}"]` : '';
    throw new CellError(`column “${column}” is not in the table (expression “${expression}”)${hint}`);
  }
  return { expression, columns: [...columns] };
}

/**
 * Rows where a column the expression reads is missing. JavaScript reads null as 0 in arithmetic
 * and comparisons (`null < 5` is true), so a result there may rest on a value that was never
 * recorded: the steps warn with this count instead of guessing what the user meant.
 */
export function rowsWithMissingInput(data: TableArtifact, columns: readonly string[]): Uint8Array {
  const marks = new Uint8Array(data.table.numRows());
  for (const column of columns) {
    (data.table.array(column) as unknown[]).forEach((value, row) => {
      if (value === null) marks[row] = 1;
    });
  }
  return marks;
}

export const MISSING_AS_ZERO = 'JavaScript reads a missing value as 0 here (null < 5 is true); guard with d.x == null ? … : … where that is wrong';

/** Runs arquero with a checked expression; a failure on the data (e.g. `.length` of a missing value) is named. */
export function runExpression<T>(expression: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CellError(`“${expression}” failed on the data: ${message}. Missing values are null: guard with d.x == null ? … : …`);
  }
}
