// Acceptance (issue 9, point 7): the homeservers refuse an upload larger than
// the web client's attachment limit — the same constant, from policies/ — and
// take one of exactly that size, so a file the page accepts is never refused
// later. Tried the ways a client could slip a larger one through: a plain
// upload, a body without Content-Length (chunked), and the asynchronous upload
// (a media ID created first, the bytes sent later).
// NOTE: Synapse 1.163 does not answer such a request with its 413: its HTTP
// layer aborts the connection the moment the body passes max_upload_size
// (synapse/http/site.py, handleContentChunk), and then logs the 413 rejection
// it can no longer send ("Content-Length … exceeds maximum size …"). So the
// test asserts what happens: no answer but a cut connection, the rejection in
// the homeserver's log for that very connection (its client port), naming the
// limit, and nothing stored. In production nginx answers 413 before the body
// (client_max_body_size, the same constant; deploy/production/reverse-proxy.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import { OUTSIDER_ID } from '../../deploy/config/profiles.ts';
import type { LocalHomeserver } from '../../deploy/local/types.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import type { NodeAccount } from '../support/matrix-node-client.ts';
import { eventually, must } from './support/client-api.ts';
import { rawUpload, type UploadOutcome } from './support/raw-upload.ts';

const federation = inject('federation');
const UPLOAD = '/_matrix/media/v3/upload?filename=case.bin';

function storedFiles(hs: LocalHomeserver): number {
	const count = (dir: string): number =>
		readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
	try {
		return count(join(hs.dataDir, 'media_store'));
	} catch {
		return 0;
	}
}

/** Synapse's log lines written since `from` about the connection from `port`. */
function loggedFor(hs: LocalHomeserver, from: number, port: number): string[] {
	const log = readFileSync(hs.logPath);
	// A log rotated in between (log-config.ts: at 20 MB) starts again from 0.
	return log
		.subarray(log.length >= from ? from : 0)
		.toString('utf8')
		.split('\n')
		.filter((line) => line.includes(`port=${port})`));
}

/** Waits until the homeserver has logged `text` about that connection (it logs the rejection after cutting it). */
async function logged(hs: LocalHomeserver, from: number, port: number, text: string): Promise<string> {
	return eventually(`${hs.id} logs "${text}" for port ${port}`, () => {
		const lines = loggedFor(hs, from, port).filter((line) => line.includes(text));
		return Promise.resolve(lines[0]);
	});
}

async function attempt(
	hs: LocalHomeserver,
	who: NodeAccount,
	options: { readonly path?: string; readonly method?: 'POST' | 'PUT'; readonly bytes: number; readonly chunked?: boolean },
): Promise<{ outcome: UploadOutcome; logFrom: number; stored: number }> {
	const logFrom = statSync(hs.logPath).size;
	const before = storedFiles(hs);
	const outcome = await rawUpload(`${who.clientUrl}${options.path ?? UPLOAD}`, {
		method: options.method ?? 'POST',
		accessToken: who.accessToken,
		bytes: options.bytes,
		...(options.chunked === undefined ? {} : { chunked: options.chunked }),
	});
	expect(outcome.localPort).toBeGreaterThan(0);
	return { outcome, logFrom, stored: storedFiles(hs) - before };
}

describe('uploads stop at the web client’s attachment limit', () => {
	const gt = homeserverOf(federation, 'gt-mp');
	let uploader: NodeAccount;

	beforeAll(async () => {
		uploader = await freshAccount(federation, gt.id, 'uploader');
	});

	it('takes a file of exactly the limit', async () => {
		const { outcome } = await attempt(gt, uploader, { bytes: MAX_ATTACHMENT_BYTES });
		expect(outcome.status).toBe(200);
		expect(outcome.body?.['content_uri']).toMatch(/^mxc:\/\//);
	});

	it.each(federation.homeservers.map((hs) => hs.id).filter((id) => id !== OUTSIDER_ID))(
		'%s: refuses one byte more, logging the 413 against the limit, storing nothing',
		async (id) => {
			const hs = homeserverOf(federation, id);
			const who = id === gt.id ? uploader : await freshAccount(federation, id, 'uploader');
			const { outcome, logFrom, stored } = await attempt(hs, who, { bytes: MAX_ATTACHMENT_BYTES + 1 });
			expect(outcome.status ?? outcome.error).not.toBe(200);
			expect(outcome.body?.['content_uri']).toBeUndefined();
			await logged(
				hs,
				logFrom,
				outcome.localPort,
				`Content-Length ${MAX_ATTACHMENT_BYTES + 1} exceeds maximum size ${MAX_ATTACHMENT_BYTES}`,
			);
			expect(stored).toBe(0);
		},
	);

	it('refuses a larger body sent without a Content-Length', async () => {
		const { outcome, logFrom, stored } = await attempt(gt, uploader, { bytes: MAX_ATTACHMENT_BYTES + 1, chunked: true });
		expect(outcome.status ?? outcome.error).not.toBe(200);
		expect(outcome.body?.['content_uri']).toBeUndefined();
		await logged(gt, logFrom, outcome.localPort, 'because the request exceeds maximum size');
		expect(stored).toBe(0);
	});

	it('refuses a larger body sent to a media ID created beforehand, and takes one of the limit', async () => {
		const mediaPath = async (): Promise<string> => {
			const created = (await must(uploader, 'POST', '/_matrix/media/v1/create', {})) as { content_uri: string };
			const [server = '', mediaId = ''] = created.content_uri.replace('mxc://', '').split('/');
			return `/_matrix/media/v3/upload/${encodeURIComponent(server)}/${encodeURIComponent(mediaId)}`;
		};
		const larger = await attempt(gt, uploader, { path: await mediaPath(), method: 'PUT', bytes: MAX_ATTACHMENT_BYTES + 1 });
		expect(larger.outcome.status ?? larger.outcome.error).not.toBe(200);
		await logged(
			gt,
			larger.logFrom,
			larger.outcome.localPort,
			`Content-Length ${MAX_ATTACHMENT_BYTES + 1} exceeds maximum size ${MAX_ATTACHMENT_BYTES}`,
		);
		expect(larger.stored).toBe(0);
		const exact = await attempt(gt, uploader, { path: await mediaPath(), method: 'PUT', bytes: MAX_ATTACHMENT_BYTES });
		expect(exact.outcome.status).toBe(200);
	});
});
