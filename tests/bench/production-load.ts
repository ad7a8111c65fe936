// Metric `production_load` (issue 15, acceptance 4): 50 clients across two
// authorities send encrypted messages for 60 s, and every message is timed
// from its send until the client on the other side has decrypted it.
// Production phase: 25 clients on Guatemala's production homeserver (nginx,
// workers, PostgreSQL, Redis: production-site.ts) and 25 on Nigeria's
// development one, in 25 rooms of two, one on each side. Development phase,
// in the same run, afterwards: the same with Kazakhstan's development
// homeserver in place of the production one. Reported: messages delivered
// per second (from the first send until the last delivery) and the p95
// latency, each against the development phase; and nothing lost — every
// event whose send returned decrypted by its receiver, under one event id
// (delivery-ledger.ts). A loss, a duplicate or a failed send makes the bench
// fail after it has printed its lines. Beside them, to say where the time
// went: the latency each way, the CPU seconds of each side's Synapse
// processes and of the bench, and the machine's busy share (process-cpu.ts).
// Bounded in time and count: each client sends one message every
// ROGATORY_BENCH_PRODUCTION_LOAD_INTERVAL_MS (2000 by default; the clients'
// sends staggered evenly across the interval), for
// ROGATORY_BENCH_PRODUCTION_LOAD_SECONDS (60), so at most seconds × 1000 ÷
// interval each; then at most DRAIN_MS for the last ones to arrive.
// ROGATORY_BENCH_PRODUCTION_LOAD_CLIENTS (50, even) sets the number of clients.
// NOTE: all the clients run in this one Node process (Rust crypto each), on
// the same machine as every server: a latency includes waiting for the event
// loop behind the other clients' work, in both phases alike; and whatever
// else runs on the machine weighs on a phase too (machine_busy). The production
// clients all come from 127.0.0.1, so nginx's per-address request limit
// (reverse-proxy.ts) counts them as one office behind one address; its 429s
// are counted from nginx's access log and printed.
// The production phase runs first: what the development peer (Nigeria's, in
// both phases) accumulates weighs on the baseline, not on what is measured.
import { openSync, readSync, statSync, closeSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as sdk from 'matrix-js-sdk';
import { startNodeClient } from '../support/matrix-node-client.ts';
import { DeliveryLedger, deliveredPerSecond, type LedgerSummary } from './delivery-ledger.ts';
import { productionWorkers } from '../../deploy/production/worker-set.ts';
import { pairedRoom } from './paired-room.ts';
import { busyShare, childrenOf, cpuSeconds, machineNow } from './process-cpu.ts';
import { BASELINE_PEER, PEER, PRODUCTION, withProductionSite, type ProductionSite } from './production-site.ts';
import { percentile, report } from './stats.ts';

function setting(name: string, fallback: number): number {
	const raw = process.env[`ROGATORY_BENCH_PRODUCTION_LOAD_${name}`];
	const value = raw === undefined ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`ROGATORY_BENCH_PRODUCTION_LOAD_${name} must be a whole number of at least 1`);
	return value;
}

const DRAIN_MS = 60_000;
/** Clients signed in, and rooms paired, this many at a time. */
const BATCH = 5;
const progress = (line: string): void => console.error(`[production_load] ${line}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Settings {
	readonly clients: number;
	readonly seconds: number;
	readonly intervalMs: number;
}

interface Pair {
	readonly here: sdk.MatrixClient;
	readonly peer: sdk.MatrixClient;
	readonly roomId: string;
}

interface PhaseResult {
	readonly summary: LedgerSummary;
	/** From the side under test (production, or its development stand-in) to the peer, and back. */
	readonly toPeer: LedgerSummary;
	readonly fromPeer: LedgerSummary;
	readonly sendFailures: number;
	readonly undecryptable: number;
	/** CPU seconds used from the first send until the last delivery: the Synapse processes of the side under test, the peer's, and this process's. */
	readonly cpuS: { readonly here: number; readonly peer: number; readonly bench: number };
	/** The side under test's CPU seconds by process (each Synapse process, PostgreSQL with its backends), when it has several. */
	readonly cpuByProcess: Readonly<Record<string, number>>;
	/** The machine's CPU busy over the same time (0–1), all processes, the bench's and any other's. */
	readonly machineBusy: number;
}

/** The Synapse processes of each side of a phase, read when its timed part starts and ends. */
interface PhasePids {
	readonly here: () => readonly number[];
	readonly peer: () => readonly number[];
	/** The side under test's processes by name, for the breakdown (none for a development homeserver). */
	readonly named?: () => Readonly<Record<string, readonly number[]>>;
}

const cpuOfEach = (named: Readonly<Record<string, readonly number[]>>): Record<string, number> =>
	Object.fromEntries(Object.entries(named).map(([name, pids]) => [name, cpuSeconds(pids)]));

async function inBatches<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += BATCH)
		out.push(...(await Promise.all(items.slice(i, i + BATCH).map((item, j) => work(item, i + j)))));
	return out;
}

/** Records every message `client` decrypts in `roomId` from `from`, and in `failures` those that failed to decrypt (so far); returns how to stop. */
function watch(client: sdk.MatrixClient, roomId: string, from: string, ledger: DeliveryLedger, failures: Set<string>): () => void {
	const seen = (event: sdk.MatrixEvent): void => {
		if (event.getRoomId() !== roomId || event.getSender() !== from || !event.isEncrypted() || event.isBeingDecrypted()) return;
		const id = event.getId();
		if (id === undefined) return;
		if (event.isDecryptionFailure()) {
			failures.add(id);
			return;
		}
		failures.delete(id);
		const body: unknown = event.getContent()['body'];
		if (typeof body === 'string' && body.startsWith('load ')) ledger.received({ eventId: id, body, at: performance.now() });
	};
	client.on(sdk.MatrixEventEvent.Decrypted, seen);
	client.on(sdk.RoomEvent.Timeline, seen);
	return () => {
		client.off(sdk.MatrixEventEvent.Decrypted, seen);
		client.off(sdk.RoomEvent.Timeline, seen);
	};
}

async function runPhase(site: ProductionSite, name: string, authority: string, pids: PhasePids, s: Settings): Promise<PhaseResult> {
	const clients: sdk.MatrixClient[] = [];
	const stops: (() => void)[] = [];
	try {
		const pairs = s.clients / 2;
		progress(`${name}: signing in ${s.clients} clients (${pairs} on ${authority}, ${pairs} on ${PEER})`);
		const signedIn = await inBatches(Array.from({ length: pairs }), async (_, i) => {
			const here = await startNodeClient(await site.account(authority, `load-${name}-${i}`));
			clients.push(here);
			const peer = await startNodeClient(await site.account(PEER, `load-${name}-peer-${i}`));
			clients.push(peer);
			return { here, peer };
		});
		progress(`${name}: ${pairs} encrypted rooms of two, a message each way in each before timing`);
		const rooms: Pair[] = await inBatches(signedIn, async ({ here, peer }) => ({ here, peer, roomId: await pairedRoom(here, peer) }));

		const ledger = new DeliveryLedger();
		const failures = new Set<string>();
		const senders = rooms.flatMap((pair, i) => [
			{ from: pair.here, to: pair.peer, roomId: pair.roomId, label: `${i}h` },
			{ from: pair.peer, to: pair.here, roomId: pair.roomId, label: `${i}p` },
		]);
		for (const sender of senders) stops.push(watch(sender.to, sender.roomId, sender.from.getUserId()!, ledger, failures));

		const perClient = Math.floor((s.seconds * 1000) / s.intervalMs);
		progress(`${name}: sending for ${s.seconds} s, one message every ${s.intervalMs} ms per client (at most ${perClient} each)`);
		let sendFailures = 0;
		const cpuBefore = {
			here: cpuSeconds(pids.here()),
			peer: cpuSeconds(pids.peer()),
			bench: process.cpuUsage(),
			machine: machineNow(),
			each: cpuOfEach(pids.named?.() ?? {}),
		};
		const start = performance.now();
		const end = start + s.seconds * 1000;
		await Promise.all(
			senders.map(async (sender, k) => {
				const offset = (k * s.intervalMs) / senders.length;
				for (let n = 0; n < perClient; n++) {
					const due = start + offset + n * s.intervalMs;
					if (due >= end) break;
					await sleep(Math.max(0, due - performance.now()));
					const body = `load ${name} ${sender.label} ${n}`;
					const at = performance.now();
					try {
						const { event_id: eventId } = await sender.from.sendTextMessage(sender.roomId, body);
						ledger.sent({ eventId, body, at });
					} catch (error) {
						sendFailures++;
						progress(`${name}: a send failed: ${error instanceof Error ? error.message : String(error)}`);
					}
				}
			}),
		);
		const drainUntil = performance.now() + DRAIN_MS;
		let summary = ledger.summary();
		while (summary.delivered < summary.sent && performance.now() < drainUntil) {
			await sleep(200);
			summary = ledger.summary();
		}
		const benchUsage = process.cpuUsage(cpuBefore.bench);
		const cpuS = {
			here: round1(cpuSeconds(pids.here()) - cpuBefore.here),
			peer: round1(cpuSeconds(pids.peer()) - cpuBefore.peer),
			bench: round1((benchUsage.user + benchUsage.system) / 1e6),
		};
		const cpuByProcess = Object.fromEntries(
			Object.entries(cpuOfEach(pids.named?.() ?? {})).map(([name, seconds]) => [name, round1(seconds - (cpuBefore.each[name] ?? 0))]),
		);
		const machineBusy = Math.round(busyShare(cpuBefore.machine, machineNow()) * 100) / 100;
		progress(
			`${name}: ${summary.sent} sent, ${summary.delivered} delivered, ${summary.lost.length} lost, ${summary.duplicated.length} duplicated, ${sendFailures} failed sends`,
		);
		return {
			summary,
			toPeer: ledger.summary((body) => / \d+h /.test(body)),
			fromPeer: ledger.summary((body) => / \d+p /.test(body)),
			sendFailures,
			undecryptable: failures.size,
			cpuS,
			cpuByProcess,
			machineBusy,
		};
	} finally {
		for (const stop of stops) stop();
		for (const c of clients) c.stopClient();
	}
}

/** Lines of nginx's access log from `offset` on with status 429. */
function rateLimitedSince(logFile: string, offset: number): number {
	const size = statSync(logFile).size;
	if (size <= offset) return 0;
	const fd = openSync(logFile, 'r');
	try {
		const buffer = Buffer.alloc(size - offset);
		readSync(fd, buffer, 0, buffer.length, offset);
		return buffer
			.toString('utf8')
			.split('\n')
			.filter((line) => /" 429 /.test(line)).length;
	} finally {
		closeSync(fd);
	}
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

const outcome = (r: PhaseResult) => ({
	sent: r.summary.sent,
	delivered: r.summary.delivered,
	lost: r.summary.lost.length,
	duplicated: r.summary.duplicated.length,
	unexpected: r.summary.unexpected.length,
	failed_sends: r.sendFailures,
	undecryptable: r.undecryptable,
});

/** Latencies each way and CPU, to say where the time went. */
const detail = (r: PhaseResult) => ({
	to_peer_p50_ms: Math.round(percentile(r.toPeer.latenciesMs, 50)),
	to_peer_p95_ms: Math.round(percentile(r.toPeer.latenciesMs, 95)),
	from_peer_p50_ms: Math.round(percentile(r.fromPeer.latenciesMs, 50)),
	from_peer_p95_ms: Math.round(percentile(r.fromPeer.latenciesMs, 95)),
	synapse_cpu_s: r.cpuS.here,
	peer_cpu_s: r.cpuS.peer,
	bench_cpu_s: r.cpuS.bench,
	...(Object.keys(r.cpuByProcess).length === 0 ? {} : { cpu_s_by_process: r.cpuByProcess }),
	machine_busy: r.machineBusy,
});

export async function productionLoad(): Promise<void> {
	const s: Settings = { clients: setting('CLIENTS', 50), seconds: setting('SECONDS', 60), intervalMs: setting('INTERVAL_MS', 2000) };
	if (s.clients % 2 !== 0)
		throw new Error('ROGATORY_BENCH_PRODUCTION_LOAD_CLIENTS must be even: the clients are in pairs, one on each side');
	await withProductionSite('production_load', async (site) => {
		const accessLog = join(site.demo.options.logDir, 'nginx-access.log');
		const logStart = statSync(accessLog).size;
		const synapseOf = (id: string) => (): readonly number[] => [site.synapsePid(id)];
		const productionSynapse = (): readonly number[] => {
			const byName = site.demo.pids();
			return ['main', ...productionWorkers(site.demo.options).map((w) => w.name)].flatMap((n) => byName[n] ?? []);
		};
		const byProcess = (): Record<string, readonly number[]> => {
			const byName = site.demo.pids();
			const postgres = byName['postgres'];
			return {
				...Object.fromEntries(
					['main', ...productionWorkers(site.demo.options).map((w) => w.name)].map((n) => [n, byName[n] ? [byName[n]] : []]),
				),
				// The postmaster and its backends (Synapse's connections): their time is not in the postmaster's.
				postgres: postgres === undefined ? [] : [postgres, ...childrenOf(postgres)],
				redis: byName['redis'] ? [byName['redis']] : [],
				nginx: byName['nginx'] ? [byName['nginx'], ...childrenOf(byName['nginx'])] : [],
			};
		};
		const production = await runPhase(
			site,
			'production',
			PRODUCTION,
			{ here: productionSynapse, peer: synapseOf(PEER), named: byProcess },
			s,
		);
		const rateLimited = rateLimitedSince(accessLog, logStart);
		const development = await runPhase(site, 'development', BASELINE_PEER, { here: synapseOf(BASELINE_PEER), peer: synapseOf(PEER) }, s);

		const common = {
			clients: s.clients,
			seconds: s.seconds,
			offered_per_s: (s.clients * 1000) / s.intervalMs,
			production: outcome(production),
			development: outcome(development),
			nginx_429: rateLimited,
		};
		report({
			metric: 'production_load.delivered_per_s',
			value: deliveredPerSecond(production.summary),
			unit: 'msg/s',
			baseline: deliveredPerSecond(development.summary),
			baseline_is: `development phase, same run: ${BASELINE_PEER} development ↔ ${PEER} development`,
			n: production.summary.delivered,
			path: `${PRODUCTION} production (nginx, workers) ↔ ${PEER} development, ${s.clients / 2} rooms of two, Megolm, Rust crypto in Node`,
			...common,
		});
		report({
			metric: 'production_load.p95',
			value: percentile(production.summary.latenciesMs, 95),
			unit: 'ms',
			baseline: percentile(development.summary.latenciesMs, 95),
			baseline_is: `development phase, same run: ${BASELINE_PEER} development ↔ ${PEER} development`,
			n: production.summary.delivered,
			p50_ms: Math.round(percentile(production.summary.latenciesMs, 50)),
			baseline_p50_ms: Math.round(percentile(development.summary.latenciesMs, 50)),
			until: 'decrypted by the client on the other side',
			production: detail(production),
			development: detail(development),
			cpu_is: `CPU seconds from the first send until the last delivery: synapse = the side under test's Synapse processes (production: main and the ${productionWorkers(site.demo.options).length} workers, not PostgreSQL), peer = ${PEER}'s Synapse, bench = this process with its ${s.clients} clients; machine_busy = the share of all ${cpus().length} CPUs busy meanwhile, whoever used them`,
		});
		const faults = (
			[
				['production', production],
				['development', development],
			] as const
		).flatMap(([name, r]) => {
			const o = outcome(r);
			return o.lost + o.duplicated + o.unexpected + o.failed_sends === 0 ? [] : [`${name}: ${JSON.stringify(o)}`];
		});
		if (faults.length > 0) throw new Error(`messages were lost, repeated or not sent — ${faults.join('; ')}`);
	});
}
