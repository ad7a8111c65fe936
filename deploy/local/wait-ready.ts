// Waits until every started homeserver answers (readiness.ts), reporting
// progress, and turns a homeserver that dies or never answers into a
// StartError naming its log.
import { err, ok, type Result } from '../../policies/result.ts';
import type { PreparedHomeserver } from './prepare.ts';
import { clientAnswers, federationTlsAnswers } from './readiness.ts';
import { diedError, timeoutError, type StartError } from './start-error.ts';
import { startupTail, type SynapseProcess } from './synapse-process.ts';

export interface WaitOptions {
	readonly caPem: string;
	readonly timeoutMs: number;
	readonly onProgress: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function isReady(hs: PreparedHomeserver, caPem: string): Promise<boolean> {
	return (await clientAnswers(hs.clientUrl)) && (await federationTlsAnswers(hs.plan.address, hs.plan.federationPort, caPem));
}

export async function waitUntilReady(
	started: readonly { readonly homeserver: PreparedHomeserver; readonly process: SynapseProcess }[],
	options: WaitOptions,
): Promise<Result<void, StartError>> {
	const begun = Date.now();
	const pending = new Set(started);
	let lastReport = begun;
	while (pending.size > 0) {
		for (const entry of [...pending]) {
			const exit = entry.process.exit();
			if (exit !== undefined) {
				const { files } = entry.homeserver;
				return err(diedError(entry.homeserver.plan.id, exit, files.log, files.console, startupTail(files)));
			}
			if (await isReady(entry.homeserver, options.caPem)) {
				pending.delete(entry);
				options.onProgress(`${entry.homeserver.plan.id} is up at ${entry.homeserver.clientUrl} (${elapsed(begun)})`);
			}
		}
		if (pending.size === 0) break;
		if (Date.now() - begun > options.timeoutMs) {
			const waiting = [...pending];
			return err(
				timeoutError(
					waiting.map((e) => e.homeserver.plan.id),
					Math.round(options.timeoutMs / 1000),
					waiting.map((e) => e.homeserver.files.log),
				),
			);
		}
		if (Date.now() - lastReport >= 5000) {
			lastReport = Date.now();
			options.onProgress(`waiting for ${[...pending].map((e) => e.homeserver.plan.id).join(', ')} (${elapsed(begun)})`);
		}
		await sleep(250);
	}
	return ok(undefined);
}

function elapsed(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
