/** A number as an exported notebook prints it: whole numbers as they are, others to 6 significant digits (float noise dropped). */
export function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
