// Takes room aliases off whatever rooms they point at, before and after the
// integration tests of service rooms (network, reports, directory rooms): the
// federation's data outlives a run, and a room left by an earlier run, another
// file or the end-to-end bridges' keepers would otherwise be found by alias
// instead of created. Each alias's homeserver gets a fresh administrator for
// it; an alias that points nowhere is fine.
import { randomBytes } from 'node:crypto';
import { registerAccount } from '../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../deploy/local/types.ts';

export async function freeAliases(aliases: readonly (readonly [LocalHomeserver, string])[]): Promise<void> {
	const tokens = new Map<LocalHomeserver, string>();
	for (const [hs, alias] of aliases) {
		let token = tokens.get(hs);
		if (token === undefined) {
			const admin = await registerAccount(hs, `alias-admin-${randomBytes(4).toString('hex')}`, { admin: true });
			if (!admin.ok) throw new Error(admin.error);
			token = admin.value.accessToken;
			tokens.set(hs, token);
		}
		const answer = await fetch(`${hs.clientUrl}/_matrix/client/v3/directory/room/${encodeURIComponent(alias)}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${token}` },
		});
		if (answer.status !== 200 && answer.status !== 404) throw new Error(`could not free ${alias}: ${answer.status} ${await answer.text()}`);
	}
}
