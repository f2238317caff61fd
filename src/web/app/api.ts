import type { Problem } from '../../contracts/common.js';

const API_ROOT = '/api/v1';

/** A failed API call, carrying the RFC 9457 problem the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: NonNullable<Problem['errors']>;

  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.fieldErrors = problem.errors ?? [];
  }
}

export function hasCode(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/**
 * The CSRF token of the current session. The auth layer sets it whenever a MeDto arrives
 * (login, /me, MFA verification) and clears it on sign-out.
 */
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export type QueryParams = Record<string, string | number | undefined>;

/** `?a=1&b=2` for the params that have a value, or '' when none do. */
export function queryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, params: QueryParams = {}): string {
  return `${API_ROOT}${path}${queryString(params)}`;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, params?: QueryParams): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Trellis cannot be reached. Check your connection and try again.',
      status: 0,
      code: 'network',
    });
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  throw new ApiError(await readProblem(response));
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const problem = (await response.json()) as Partial<Problem>;
    if (typeof problem.code === 'string' && typeof problem.title === 'string') {
      return { type: 'about:blank', status: response.status, ...problem } as Problem;
    }
  } catch {
    // Not a problem document (a proxy error page, say): fall through to a generic problem.
  }
  return {
    type: 'about:blank',
    title: 'Something went wrong on our side. Try again in a moment.',
    status: response.status,
    code: 'internal',
  };
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path, undefined, params),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
