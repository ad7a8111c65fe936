// Which room each directory alias named when this browser last resolved it,
// kept in localStorage per account, so the directory opens offline from the
// sync store even where the room carries no canonical alias. A room ID names
// no content; a broken or missing record is simply forgotten.
/** Remembers which room an alias named, for offline starts (a room ID holds no content). */
export interface AliasMemory {
	get(alias: string): string | undefined;
	set(alias: string, roomId: string): void;
}

export function aliasMemory(key: string, storage: Storage | undefined): AliasMemory {
	const read = (): Record<string, unknown> => {
		try {
			const kept: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
			return typeof kept === 'object' && kept !== null && !Array.isArray(kept) ? (kept as Record<string, unknown>) : {};
		} catch {
			return {};
		}
	};
	return {
		get: (alias) => {
			const roomId = read()[alias];
			return typeof roomId === 'string' ? roomId : undefined;
		},
		set: (alias, roomId) => {
			try {
				storage?.setItem(key, JSON.stringify({ ...read(), [alias]: roomId }));
			} catch {
				// Storage full or refused: the alias is resolved again next time.
			}
		},
	};
}
