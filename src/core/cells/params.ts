import type { CellKind, ColumnType, OperationItem, OperationSpec, ParamField, ParamIssue } from './types';

function fieldIssue(field: ParamField, value: unknown): string | null {
  switch (field.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (field.type === 'integer' && !Number.isInteger(value)) return 'expected a whole number';
      if (field.min !== undefined && value < field.min) return `must be at least ${field.min}`;
      if (field.max !== undefined && value > field.max) return `must be at most ${field.max}`;
      return null;
    }
    case 'text':
    case 'markdown':
    case 'column':
    case 'model':
      return typeof value === 'string' ? null : 'expected text';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'select':
      return field.options.some((option) => option.value === value)
        ? null
        : `expected one of ${field.options.map((option) => option.value).join(', ')}`;
    case 'columns':
    case 'string-list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : 'expected a list of names';
    case 'column-types': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a map of column names to types';
      for (const [column, type] of Object.entries(value)) {
        if (!field.types.includes(type as ColumnType)) return `“${column}”: expected one of ${field.types.join(', ')}`;
      }
      return null;
    }
    case 'integer-list': {
      if (!Array.isArray(value) || value.length === 0) return 'expected a list of whole numbers';
      for (const item of value) {
        if (typeof item !== 'number' || !Number.isInteger(item)) return 'expected a list of whole numbers';
        if (field.min !== undefined && item < field.min) return `each must be at least ${field.min}`;
        if (field.max !== undefined && item > field.max) return `each must be at most ${field.max}`;
      }
      return null;
    }
    case 'operations':
      return operationsIssue(field.operations, value);
  }
}

function operationsIssue(operations: readonly OperationSpec[], value: unknown): string | null {
  if (!Array.isArray(value)) return 'expected a list of operations';
  for (const [index, item] of value.entries()) {
    const spec = operations.find((operation) => operation.op === (item as OperationItem | null)?.op);
    if (!spec) return `item ${index + 1}: expected one of ${operations.map((operation) => operation.op).join(', ')}`;
    for (const field of spec.fields) {
      const message = fieldIssue(field, (item as OperationItem)[field.key] ?? spec.defaults()[field.key]);
      if (message) return `item ${index + 1} (${spec.label}), ${field.label}: ${message}`;
    }
  }
  return null;
}

/** Parameters as the cell will run them: saved values over the kind's defaults. */
export function resolveParams<P extends object>(kind: CellKind<P>, saved: Record<string, unknown>): P {
  const params = { ...kind.defaults() } as Record<string, unknown>;
  const current = kind.upgradeParams ? kind.upgradeParams(saved) : saved;
  for (const field of kind.fields) {
    if (Object.prototype.hasOwnProperty.call(current, field.key)) params[field.key] = current[field.key];
  }
  return params as P;
}

/** Every problem with a cell's saved parameters, each naming the parameter. */
export function validateParams<P extends object>(kind: CellKind<P>, saved: Record<string, unknown>): ParamIssue[] {
  const params = resolveParams(kind, saved);
  const issues: ParamIssue[] = [];
  for (const field of kind.fields) {
    const message = fieldIssue(field, (params as Record<string, unknown>)[field.key]);
    if (message) issues.push({ path: field.key, message: `${field.label}: ${message}` });
  }
  return issues.length > 0 || !kind.check ? issues : kind.check(params);
}
