/** A plain JSON object (not null, not a list): what every reader of untrusted JSON checks first. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
