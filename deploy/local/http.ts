// JSON over HTTP to a homeserver's client API, with failures as values:
// a refused connection or a Matrix error ({errcode, error}) becomes a short
// readable string rather than an exception.
import { err, ok, type Result } from '../../policies/result.ts';

export interface MatrixError {
	readonly status: number;
	readonly errcode: string;
	readonly error: string;
}

export type JsonResult = Result<Record<string, unknown>, MatrixError>;

export async function requestJson(
	method: 'GET' | 'POST' | 'PUT' | 'DELETE',
	url: string,
	options: { readonly body?: unknown; readonly accessToken?: string; readonly timeoutMs?: number } = {},
): Promise<JsonResult> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	if (options.accessToken !== undefined) headers['authorization'] = `Bearer ${options.accessToken}`;
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			headers,
			...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
			signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
		});
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
		return err({ status: 0, errcode: 'NETWORK', error: `${method} ${url} failed: ${cause}` });
	}
	const text = await response.text();
	let body: Record<string, unknown>;
	try {
		body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
	} catch {
		body = { error: text.slice(0, 200) };
	}
	if (!response.ok) {
		return err({
			status: response.status,
			errcode: typeof body['errcode'] === 'string' ? body['errcode'] : `HTTP_${response.status}`,
			error: typeof body['error'] === 'string' ? body['error'] : response.statusText,
		});
	}
	return ok(body);
}

export function describeError(e: MatrixError): string {
	return e.status === 0 ? e.error : `${e.errcode} (HTTP ${e.status}): ${e.error}`;
}
