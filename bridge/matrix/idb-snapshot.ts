// A whole IndexedDB factory as one value: every database (name, version),
// every object store (keyPath, autoIncrement, indexes) and every record. The
// bot runs matrix-js-sdk's sync store and the Rust crypto store on
// fake-indexeddb, which lives in memory; dumping it at a checkpoint and
// restoring it before the client starts is how the bot's device and sync
// position survive restarts (ARCHITECTURE.md, decision 7).
// NOTE: each database is read in ONE readonly transaction over all its stores,
// so IndexedDB's transaction ordering gives a consistent view of it even while
// the crypto writes: a read-only transaction starts after every overlapping
// read-write transaction created before it and before any created after it.
// Values go through node:v8 serialize, which handles structured-clone types
// (typed arrays, Maps, Dates) as IndexedDB itself does.
import { deserialize, serialize } from 'node:v8';
import { err, ok, type Result } from '../../policies/result.ts';

export interface IndexDump {
	readonly name: string;
	readonly keyPath: string | string[];
	readonly unique: boolean;
	readonly multiEntry: boolean;
}

export interface StoreDump {
	readonly name: string;
	readonly keyPath: string | string[] | null;
	readonly autoIncrement: boolean;
	readonly indexes: readonly IndexDump[];
	readonly keys: readonly IDBValidKey[];
	readonly values: readonly unknown[];
}

export interface DatabaseDump {
	readonly name: string;
	readonly version: number;
	readonly stores: readonly StoreDump[];
}

const FORMAT = 'rogatory-idb-snapshot/1';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = factory.open(name);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error(`could not open ${name}`));
		req.onblocked = () => reject(new Error(`opening ${name} is blocked`));
	});
}

async function dumpDatabase(factory: IDBFactory, name: string): Promise<DatabaseDump> {
	const db = await openExisting(factory, name);
	try {
		const names = [...db.objectStoreNames];
		if (names.length === 0) return { name, version: db.version, stores: [] };
		const tx = db.transaction(names, 'readonly');
		const stores = await Promise.all(
			names.map(async (storeName): Promise<StoreDump> => {
				const store = tx.objectStore(storeName);
				const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
				const indexes = [...store.indexNames].map((indexName) => {
					const index = store.index(indexName);
					return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
				});
				return { name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, keys, values };
			}),
		);
		return { name, version: db.version, stores };
	} finally {
		db.close();
	}
}

/** Every database of `factory`, in name order. */
export async function dumpDatabases(factory: IDBFactory): Promise<DatabaseDump[]> {
	const listed = await factory.databases();
	const names = listed.map((d) => d.name).filter((n): n is string => n !== undefined);
	names.sort();
	const dumps: DatabaseDump[] = [];
	for (const name of names) dumps.push(await dumpDatabase(factory, name));
	return dumps;
}

async function restoreDatabase(factory: IDBFactory, dump: DatabaseDump): Promise<void> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const req = factory.open(dump.name, dump.version);
		req.onupgradeneeded = () => {
			const created = req.result;
			for (const store of dump.stores) {
				const os = created.createObjectStore(store.name, {
					keyPath: store.keyPath,
					autoIncrement: store.autoIncrement,
				});
				for (const index of store.indexes) {
					os.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
				}
			}
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error(`could not create ${dump.name}`));
		req.onblocked = () => reject(new Error(`creating ${dump.name} is blocked`));
	});
	try {
		if (dump.stores.length === 0) return;
		const tx = db.transaction(
			dump.stores.map((s) => s.name),
			'readwrite',
		);
		const done = new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error(`restoring ${dump.name} failed`));
			tx.onabort = () => reject(tx.error ?? new Error(`restoring ${dump.name} was aborted`));
		});
		for (const store of dump.stores) {
			const os = tx.objectStore(store.name);
			store.keys.forEach((key, i) => {
				// In-line keys (keyPath) come from the value itself; out-of-line keys are given.
				if (store.keyPath === null) os.put(store.values[i], key);
				else os.put(store.values[i]);
			});
		}
		await done;
	} finally {
		db.close();
	}
}

/** Recreates the dumped databases in `factory`, which must not hold them yet. */
export async function restoreDatabases(factory: IDBFactory, dumps: readonly DatabaseDump[]): Promise<void> {
	const existing = new Set((await factory.databases()).map((d) => d.name));
	for (const dump of dumps) {
		if (existing.has(dump.name)) throw new Error(`cannot restore ${dump.name}: the database exists already`);
		await restoreDatabase(factory, dump);
	}
}

/** The bytes a checkpoint keeps: the databases plus whatever the caller adds (the bot's pending queue). */
export function encodeSnapshot<T>(databases: readonly DatabaseDump[], extra: T): Uint8Array {
	return serialize({ format: FORMAT, databases, extra });
}

export function decodeSnapshot<T>(bytes: Uint8Array): Result<{ databases: DatabaseDump[]; extra: T }, string> {
	let decoded: unknown;
	try {
		decoded = deserialize(bytes);
	} catch (e) {
		return err(`the stored snapshot cannot be read: ${String(e)}`);
	}
	if (typeof decoded !== 'object' || decoded === null || (decoded as { format?: unknown }).format !== FORMAT) {
		return err(`the stored snapshot is not a ${FORMAT}`);
	}
	const { databases, extra } = decoded as { databases: DatabaseDump[]; extra: T };
	return ok({ databases, extra });
}
