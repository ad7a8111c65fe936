// The account a client is signed in as. Types only from the SDK: a view model
// may import this statically, before the SDK itself is loaded.
import type { UserId } from '#policies/cases/index.ts';
import type { MatrixClient } from './sdk.ts';

/** The client's user ID; empty before the client knows it. */
export function userIdOf(client: MatrixClient): UserId {
	return (client.getUserId() ?? '') as UserId;
}
