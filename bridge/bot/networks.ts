// The bridge process's part in its networks' rooms (docs/network-rooms.md):
// as a member, the plans of its authority's networks whose secretariat the
// roster places on Rogatory (bridge/matrix/network-presence.ts joins their
// rooms); as the host of a secretariat (the roster's `hosted_by`, with the
// service account's password in the bot config), that network's keeper,
// signed in beside the bridge (bridge/matrix/secretariat.ts). A keeper that
// cannot sign in yet (its homeserver starting, say) is tried again until the
// bridge stops; the bridge itself does not wait for it.
import { join } from 'node:path';
import {
	aliasOn,
	jointRoomsPlan,
	networkAliasLocalpart,
	networkPairs,
	networkRoomsPlan,
	networkSecretariat,
	type NetworkRoomsPlan,
} from '../../policies/network/index.ts';
import type { JointKeeperOptions } from '../network/joint-keeper.ts';
import type { NetworkId } from '../../policies/roster/types.ts';
import { startSecretariat, type RunningSecretariat } from '../matrix/secretariat.ts';
import type { NetworkPresenceOptions } from '../matrix/network-presence.ts';
import { bridgeMap, serverMap, type BotConfig } from './config.ts';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The network's rooms plan, on its secretariat's server; undefined (logged) when the roster places no secretariat there. */
function planOf(config: BotConfig, network: NetworkId, log: (line: string) => void): NetworkRoomsPlan | undefined {
	const names = { servers: serverMap(config, config.roster), bridges: bridgeMap(config) };
	const secretariat = networkSecretariat(config.roster, network, names);
	if (secretariat === undefined) return undefined;
	const plan = networkRoomsPlan(config.roster, network, secretariat.server, names);
	if (!plan.ok) log(`network: no rooms plan for ${network}: ${plan.error}`);
	return plan.ok ? plan.value : undefined;
}

/** The joint rooms of each pair `network` is in whose other network's secretariat is on Rogatory too. */
function jointsOf(config: BotConfig, network: NetworkId, log: (line: string) => void): Omit<JointKeeperOptions, 'own' | 'log'>[] {
	const names = { servers: serverMap(config, config.roster), bridges: bridgeMap(config) };
	return networkPairs(config.roster).flatMap((pair) => {
		if (!pair.networks.includes(network)) return [];
		const other = pair.networks[0] === network ? pair.networks[1] : pair.networks[0];
		const servers = new Map(
			pair.networks.flatMap((n) => {
				const s = networkSecretariat(config.roster, n, names);
				return s === undefined ? [] : [[n, s.server] as const];
			}),
		);
		const otherServer = servers.get(other);
		if (otherServer === undefined) return [];
		const joint = jointRoomsPlan(config.roster, pair.networks[0], pair.networks[1], servers, names);
		if (!joint.ok) {
			log(`network: no joint rooms plan for ${pair.networks.join(' and ')}: ${joint.error}`);
			return [];
		}
		return [
			{
				joint: joint.value,
				otherSpaceAlias: aliasOn(networkAliasLocalpart(other, 'space'), otherServer),
				stateFile: join(config.secretsDir, `network-joint-${pair.networks.join('-').toLowerCase()}.json`),
			},
		];
	});
}

/** What the bridge needs to join its networks' rooms and invite its people into their spaces. */
export function networkPresenceOptions(config: BotConfig, log: (line: string) => void): NetworkPresenceOptions {
	const own = config.roster.authorities.find((a) => a.id === config.authority);
	const server = config.user.slice(config.user.indexOf(':') + 1);
	const plans = (own?.memberships ?? []).flatMap((m) => planOf(config, m.network, log) ?? []);
	const people = config.roster.people.filter((p) => p.authority === config.authority).map((p) => `@${p.localpart.toLowerCase()}:${server}`);
	return { plans, people: [...new Set(people)], stateDir: config.secretsDir, retryMs: config.retrySeconds * 1000 };
}

/** Starts the keeper of each secretariat this authority hosts; `stop()` ends them all. */
export function keepSecretariats(config: BotConfig, log: (line: string) => void): { stop(): void } {
	const running: RunningSecretariat[] = [];
	const timers = new Set<ReturnType<typeof setTimeout>>();
	let stopped = false;
	const attempt = (network: NetworkId, plan: NetworkRoomsPlan, password: string): void => {
		startSecretariat({
			homeserverUrl: config.homeserverUrl,
			plan,
			password,
			stateFile: join(config.secretsDir, `network-${network.toLowerCase()}.json`),
			retryMs: config.retrySeconds * 1000,
			log,
			joints: jointsOf(config, network, log),
		}).then(
			(keeper) => (stopped ? keeper.stop() : running.push(keeper)),
			(e: unknown) => {
				if (stopped) return;
				log(`network: the ${network} secretariat cannot sign in yet (${messageOf(e)}) — will try again`);
				const timer = setTimeout(() => {
					timers.delete(timer);
					attempt(network, plan, password);
				}, config.retrySeconds * 1000);
				timers.add(timer);
			},
		);
	};
	for (const [network, password] of Object.entries(config.secretariats ?? {})) {
		const plan = planOf(config, network as NetworkId, log);
		if (plan !== undefined) attempt(network as NetworkId, plan, password);
	}
	return {
		stop: () => {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			for (const keeper of running) keeper.stop();
		},
	};
}
