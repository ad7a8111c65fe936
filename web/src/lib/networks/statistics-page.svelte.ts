// View model of a network's statistics page, the secretariat's dashboard
// (issue 13, acceptance 5; docs/secretariat-reports.md): the staff's browser
// accepts the invitations to the network's reports rooms (only rooms the
// network's service account created and marked `reports` for this network),
// reads and decrypts their whole history, judges each message under the
// trust rule and takes through readReports only reports sent by the bridge of
// the authority the room is for; statisticsView shapes the picture. A person
// with no reports room of the network (every member who is not staff) gets
// nothing: the phase says so. The SDK side is loaded lazily so it stays out
// of server rendering; events of the rooms reread them (a burst once).
import { networkSecretariat, type NetworkSecretariat } from '#policies/network/index.ts';
import type { ReportsReading } from '#policies/reports/index.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import type { CaseParties } from '../cases/case-rooms.svelte.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import type { AcceptProblem } from '../matrix/reports-rooms.ts';
import { deployedServers, networkBridges } from './rooms.ts';
import { statisticsView, type StatisticsView } from './statistics-view.ts';

type ReportsApi = typeof import('../matrix/reports-rooms.ts');
type WatchApi = typeof import('../matrix/network-rooms.ts');

let modules: Promise<[ReportsApi, WatchApi]> | undefined;

function loadModules(): Promise<[ReportsApi, WatchApi]> {
	modules ??= Promise.all([import('../matrix/reports-rooms.ts'), import('../matrix/network-rooms.ts')]);
	modules.catch(() => (modules = undefined));
	return modules;
}

export type StatisticsPhase =
	| 'opening'
	/** The roster names no secretariat for the network on Rogatory. */
	| 'no-secretariat'
	/** This person holds no reports room of the network: not of the secretariat's staff (or not invited yet). */
	| 'not-staff'
	| 'reading'
	| 'read';

export class StatisticsPage {
	readonly network: NetworkId;
	readonly #client: MatrixClient;
	readonly #secretariat: NetworkSecretariat | undefined;
	readonly #bridgeOf: ReadonlyMap<AuthorityId, string>;
	#phase = $state<StatisticsPhase>('opening');
	#reading = $state.raw<ReportsReading>({ heads: [], stats: [], ignored: [] });
	#view = $state.raw<StatisticsView | undefined>();
	#rooms = $state.raw<readonly { roomId: string; authority: AuthorityId }[]>([]);
	#problem = $state.raw<AcceptProblem | undefined>();
	#undecrypted = $state(0);
	#api: [ReportsApi, WatchApi] | undefined;
	#generation = 0;
	/** Invitations already accepted: the joined room comes with a later sync, and is not joined twice meanwhile. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never shown
	readonly #accepted = new Set<string>();
	#scheduled = false;
	#unsubscribe: (() => void) | undefined;
	#stopped = false;

	constructor(client: MatrixClient, parties: CaseParties, network: NetworkId) {
		this.#client = client;
		this.network = network;
		const servers = deployedServers(parties.homeservers);
		this.#secretariat = networkSecretariat(parties.roster, network, { servers });
		this.#bridgeOf = networkBridges(parties.servers, parties.homeservers, parties.roster, network);
		if (this.#secretariat === undefined) this.#phase = 'no-secretariat';
	}

	get phase(): StatisticsPhase {
		return this.#phase;
	}
	/** What the page shows, once read. */
	get view(): StatisticsView | undefined {
		return this.#view;
	}
	/** The reports taken (for the witness files). */
	get reading(): ReportsReading {
		return this.#reading;
	}
	/** The reports rooms read: one per authority that the secretariat has invited its staff to. */
	get rooms(): readonly { roomId: string; authority: AuthorityId }[] {
		return this.#rooms;
	}
	/** Messages of the reports rooms this browser cannot decrypt (sent before this device existed). */
	get undecrypted(): number {
		return this.#undecrypted;
	}
	/** Why an invitation could not be accepted, if one could not. */
	get problem(): AcceptProblem | undefined {
		return this.#problem;
	}

	async start(): Promise<void> {
		if (this.#secretariat === undefined) return;
		const api = await loadModules();
		if (this.#stopped) return;
		this.#api = api;
		this.#unsubscribe = api[1].watchNetworkRooms(
			this.#client,
			() => this.#rooms.map((r) => r.roomId),
			() => this.#refresh(),
		);
		await this.#reread();
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
	}

	/** Reads the rooms again (the page's "Read again"). */
	refresh(): void {
		this.#refresh();
	}

	#refresh(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			void this.#reread();
		});
	}

	async #reread(): Promise<void> {
		const api = this.#api;
		const secretariat = this.#secretariat;
		if (api === undefined || secretariat === undefined || this.#stopped) return;
		const [reports] = api;
		const generation = ++this.#generation;
		const found = reports.reportsRoomsOf(this.#client, this.network, secretariat.serviceAccount);
		if (found.length === 0) {
			if (this.#phase === 'opening') this.#phase = 'not-staff';
			return;
		}
		if (this.#phase !== 'read') this.#phase = 'reading';
		for (const room of found.filter((r) => r.membership === 'invite' && !this.#accepted.has(r.roomId))) {
			this.#accepted.add(room.roomId);
			const accepted = await reports.acceptReportsRoom(this.#client, room, this.network, secretariat.serviceAccount, secretariat.server);
			if (accepted.ok) this.#problem = undefined;
			else {
				this.#problem = accepted.error;
				// A room that is not the secretariat's was left: not joined again. Anything else is tried at the next read.
				if (accepted.error.kind !== 'not-trusted') this.#accepted.delete(room.roomId);
			}
		}
		// The joined rooms arrive with a later sync: read those that are here; the sync rereads the rest.
		const joined = found.filter((r) => r.membership === 'join');
		const next = joined.map((r) => ({ roomId: r.roomId, authority: r.authority }));
		if (JSON.stringify(next) !== JSON.stringify(this.#rooms)) this.#rooms = next;
		const reading = await reports.readReportsRooms(this.#client, joined, this.#bridgeOf);
		if (this.#stopped || generation !== this.#generation) return;
		this.#reading = { heads: reading.heads, stats: reading.stats, ignored: reading.ignored };
		this.#view = statisticsView(this.#reading, this.network);
		this.#undecrypted = reading.undecrypted;
		if (joined.length > 0) this.#phase = 'read';
	}
}

let current: { client: MatrixClient; network: NetworkId; page: StatisticsPage } | undefined;

/** The statistics page's view model for a network, started on first use (one at a time). */
export function statisticsPageFor(client: MatrixClient, parties: CaseParties, network: NetworkId): StatisticsPage {
	if (current?.client !== client || current.network !== network) {
		current?.page.stop();
		const page = new StatisticsPage(client, parties, network);
		current = { client, network, page };
		void page.start();
	}
	return current.page;
}
