// The reporter's options (reporter.ts) from the bridge's configuration: the
// site's consent and period, the authority's networks with the one homeserver
// each one's service account is on (the roster's `hosted_by`,
// networkSecretariat), the register as the source, the state file in the
// secrets folder. A network whose secretariat the roster places nowhere gets
// no reports.
import { networkSecretariat } from '../../policies/network/index.ts';
import { networksOf } from '../../policies/directory/room/keeper.ts';
import type { NetworkId } from '../../policies/roster/types.ts';
import { serverMap, type BotConfig } from '../bot/config.ts';
import type { Register } from '../register/index.ts';
import type { ReportsOptions } from './reporter.ts';
import { registerReportSource } from './source.ts';

export function reportsOptions(config: BotConfig, register: Register, stateFile: string): ReportsOptions {
	const servers = serverMap(config, config.roster);
	const networks = new Map<NetworkId, readonly string[]>(
		networksOf(config.roster, config.authority).flatMap((n) => {
			const secretariat = networkSecretariat(config.roster, n, { servers });
			return secretariat === undefined ? [] : [[n, [secretariat.server]] as const];
		}),
	);
	return {
		consent: config.reports.consent,
		authority: config.authority,
		networks,
		statisticsEveryHours: config.reports.statisticsEveryHours,
		stateFile,
		source: registerReportSource(register, config.roster, servers, config.authority),
	};
}
