// When a request last changed: the latest origin_server_ts among what the
// fold kept of it — the opening, each status change, each amendment, each
// link and each settled conflict. The dashboard's "last activity", the bot's
// `!rogatory status` and the register's `last_change_at` all read it here.
// NOTE: notes and chat are talk about the request, not changes to it, and a
// conflict's branches change nothing until it is settled; an unlinked link
// leaves the record, and its time with it.
import type { OpenedCase } from './types.ts';

export function lastChangeOf(record: OpenedCase): number {
	return Math.max(
		record.openedBy.at,
		...record.statusHistory.map((t) => t.at),
		...record.amendments.map((a) => a.at),
		...record.links.map((l) => l.at),
		...record.conflicts.flatMap((c) => (c.settlement === undefined ? [] : [c.settlement.at])),
	);
}
