// The escalation steps a bridge's register holds for a room, read beside the
// running bridge (read-only, closed again at once), for the alerts'
// integration tests.
import { serverMap } from '../../../bridge/bot/config.ts';
import { openRegister, type EscalationStepRow } from '../../../bridge/register/index.ts';
import { demoRoster } from '../../../policies/roster/testing/demo.ts';
import type { BotSetup } from '../bot/bot-process.ts';

export function escalationSteps(setup: BotSetup, room: string): EscalationStepRow[] {
	const reg = openRegister(
		setup.config.registerFile,
		{ roster: demoRoster, servers: serverMap(setup.config, demoRoster) },
		{ readonly: true },
	);
	if (!reg.ok) return [];
	try {
		const rows = reg.value.escalations.ofRoom(room);
		return rows.ok ? rows.value : [];
	} finally {
		reg.value.close();
	}
}
