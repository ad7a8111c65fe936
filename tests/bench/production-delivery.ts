// Metric `production_delivery` (issue 15, acceptance 5): federated delivery
// of an encrypted message through the production profile — nginx, the
// client reader, the event persister, the federation sender and the inbound
// federation worker (production-site.ts) — from the moment a client sends it
// until the client on the other homeserver has decrypted it, each way
// between Guatemala's production homeserver and Nigeria's development one.
// Baseline, in the same run: the same each way between two development
// homeservers (Kazakhstan's and Nigeria's, the `peers` profile), Nigeria the
// common end, so that the ratio is production against development at the
// other end. Sends are sequential and alternate between the four directions
// so that machine noise falls on all alike; each waits for the one before to
// be decrypted. ROGATORY_BENCH_PRODUCTION_DELIVERY_MESSAGES per direction
// (50 by default).
import type { MatrixClient } from 'matrix-js-sdk';
import { decryptedMessage, startNodeClient } from '../support/matrix-node-client.ts';
import { pairedRoom } from './paired-room.ts';
import { BASELINE_PEER, PEER, PRODUCTION, withProductionSite } from './production-site.ts';
import { percentile, report } from './stats.ts';

const MESSAGES = Number(process.env['ROGATORY_BENCH_PRODUCTION_DELIVERY_MESSAGES'] ?? 50);
const progress = (line: string): void => console.error(`[production_delivery] ${line}`);

async function deliveryMs(sender: MatrixClient, receiver: MatrixClient, roomId: string, body: string): Promise<number> {
	const arrived = decryptedMessage(receiver, roomId, (b) => b === body);
	const t0 = performance.now();
	await sender.sendTextMessage(roomId, body);
	await arrived;
	return performance.now() - t0;
}

interface Direction {
	readonly name: 'outbound' | 'inbound';
	readonly path: string;
	readonly baselinePath: string;
	readonly samples: number[];
	readonly baseline: number[];
}

export async function productionDelivery(): Promise<void> {
	if (!Number.isInteger(MESSAGES) || MESSAGES < 1)
		throw new Error('ROGATORY_BENCH_PRODUCTION_DELIVERY_MESSAGES must be a whole number of at least 1');
	await withProductionSite('production_delivery', async (site) => {
		const clients: MatrixClient[] = [];
		const client = async (homeserverId: string, label: string): Promise<MatrixClient> => {
			const started = await startNodeClient(await site.account(homeserverId, label));
			clients.push(started);
			return started;
		};
		try {
			progress('signing in four clients and pairing them in two encrypted rooms');
			const production = await client(PRODUCTION, 'bench-production');
			const peer = await client(PEER, 'bench-peer');
			const development = await client(BASELINE_PEER, 'bench-development');
			const peerOfDevelopment = await client(PEER, 'bench-peer-baseline');
			const productionRoom = await pairedRoom(production, peer);
			const developmentRoom = await pairedRoom(development, peerOfDevelopment);

			const outbound: Direction = {
				name: 'outbound',
				path: `${PRODUCTION} production (nginx, client_reader1, event_persister1, federation_sender1) → ${PEER} development`,
				baselinePath: `${BASELINE_PEER} development → ${PEER} development`,
				samples: [],
				baseline: [],
			};
			const inbound: Direction = {
				name: 'inbound',
				path: `${PEER} development → ${PRODUCTION} production (nginx, federation_inbound1, event_persister1, client_reader1 /sync)`,
				baselinePath: `${PEER} development → ${BASELINE_PEER} development`,
				samples: [],
				baseline: [],
			};
			for (let i = 0; i < MESSAGES; i++) {
				outbound.samples.push(await deliveryMs(production, peer, productionRoom, `outbound ${i}`));
				outbound.baseline.push(await deliveryMs(development, peerOfDevelopment, developmentRoom, `outbound baseline ${i}`));
				inbound.samples.push(await deliveryMs(peer, production, productionRoom, `inbound ${i}`));
				inbound.baseline.push(await deliveryMs(peerOfDevelopment, development, developmentRoom, `inbound baseline ${i}`));
				if ((i + 1) % 10 === 0) progress(`${i + 1}/${MESSAGES} messages each way`);
			}
			for (const direction of [outbound, inbound]) {
				for (const p of [50, 95]) {
					report({
						metric: `production_delivery.${direction.name}.p${p}`,
						value: percentile(direction.samples, p),
						unit: 'ms',
						baseline: percentile(direction.baseline, p),
						baseline_is: `development-profile federation, same run: ${direction.baselinePath}`,
						n: MESSAGES,
						path: `${direction.path}, Megolm, Rust crypto in Node, until decrypted`,
					});
				}
			}
		} finally {
			for (const c of clients) c.stopClient();
		}
	});
}
