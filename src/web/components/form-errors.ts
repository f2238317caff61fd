import { ApiError } from '../app/api.js';

/**
 * The server's per-field messages keyed by form path: `/roles/0`, `$.roles[0]`, `roles.0` and
 * `body.roles` all become `roles`, `query.to` becomes `to`; nested objects keep their dotted
 * path (`settings.mfaRequiredForStaff`).
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const key = path
      .replace(/^\$?[./]?/, '')
      .replace(/\[(\d+)\]/g, '.$1')
      .replaceAll('/', '.')
      .replace(/^(body|query|querystring|params)\./, '')
      .replace(/(\.\d+)+$/, '');
    errors[key] ??= message;
  }
  return errors;
}
