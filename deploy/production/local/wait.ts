// Waiting for a started service to answer: a GET, over TLS checked against a
// given CA when the URL is https, until it answers 200, the process exits,
// or the time is up.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { err, ok, type Result } from '../../../policies/result.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The status `url` answers with, or undefined when nothing answers within 2 s. */
export function answers(url: string, ca?: string): Promise<number | undefined> {
	return new Promise((resolve) => {
		const done = (status: number | undefined) => resolve(status);
		const request = url.startsWith('https:')
			? httpsGet(url, { ca, timeout: 2_000 }, (res) => {
					res.resume();
					done(res.statusCode);
				})
			: httpGet(url, { timeout: 2_000 }, (res) => {
					res.resume();
					done(res.statusCode);
				});
		request.on('error', () => done(undefined));
		request.on('timeout', () => request.destroy());
	});
}

export async function waitFor(
	what: string,
	url: string,
	seconds: number,
	alive: () => boolean,
	ca?: string,
): Promise<Result<void, string>> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		if (!alive()) return err(`${what} exited at start`);
		if ((await answers(url, ca)) === 200) return ok(undefined);
		await sleep(250);
	}
	return err(`${what} did not answer ${url} within ${seconds} seconds`);
}
