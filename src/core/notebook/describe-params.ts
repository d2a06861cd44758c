import { resolveParams } from '../cells/params';
import type { CellKind, OperationItem, OperationSpec, ParamField } from '../cells/types';

/** Markdown's ASCII punctuation that could start markup or HTML; a backslash makes each literal. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
}

function valueText(field: ParamField, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  switch (field.type) {
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'select':
      return field.options.find((option) => option.value === value)?.label ?? String(value);
    case 'columns':
    case 'string-list':
    case 'integer-list':
      return Array.isArray(value) ? (value.length === 0 ? 'none' : value.join(', ')) : String(value);
    case 'column-types': {
      const entries = typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
      return entries.length === 0 ? 'none' : entries.map(([column, type]) => `${column}: ${String(type)}`).join(', ');
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function operationLines(operations: readonly OperationSpec[], items: unknown): string[] {
  if (!Array.isArray(items) || items.length === 0) return ['    none'];
  return items.map((raw, index) => {
    const item = raw as OperationItem;
    const spec = operations.find((operation) => operation.op === item.op);
    if (!spec) return `    ${index + 1}. ${escapeMarkdown(String(item.op))}`;
    const params = { ...spec.defaults(), ...item };
    const off = params.enabled === false ? ' (switched off)' : '';
    const details = spec.fields
      .filter((field) => field.key !== 'enabled')
      .map((field) => `${escapeMarkdown(field.label)}: ${escapeMarkdown(valueText(field, params[field.key]))}`);
    return `    ${index + 1}. ${escapeMarkdown(spec.label)}${off}${details.length > 0 ? `: ${details.join('; ')}` : ''}`;
  });
}

/** A cell's parameters as a Markdown list, each under its form label, lists of steps nested in order. */
export function describeParams(kind: CellKind<any>, saved: Record<string, unknown>): string[] {
  const params = resolveParams(kind, saved) as Record<string, unknown>;
  return kind.fields.flatMap((field) => {
    const label = `- **${escapeMarkdown(field.label)}**`;
    if (field.type === 'operations') return [`${label}:`, ...operationLines(field.operations, params[field.key])];
    return [`${label}: ${escapeMarkdown(valueText(field, params[field.key]))}`];
  });
}
