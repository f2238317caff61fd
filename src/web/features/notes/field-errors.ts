/** A server field path as a dotted key: `/members/0/body`, `$.members[0].body` → `members.0.body`. */
export function fieldKey(path: string): string {
  return path
    .replace(/^\$?[./]?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replaceAll('/', '.');
}

/** The server's field errors by dotted key, the first message for each key kept. */
export function errorsByKey(
  fieldErrors: readonly { path: string; message: string }[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { path, message } of fieldErrors) result[fieldKey(path)] ??= message;
  return result;
}

/** The entries under `prefix.` with the prefix removed: `within({ 'body.data': m }, 'body')` → `{ data: m }`. */
export function within(errors: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(`${prefix}.`)) result[key.slice(prefix.length + 1)] = message;
  }
  return result;
}
