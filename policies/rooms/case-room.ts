// The template of a case room: what the creating client asks its homeserver
// for. Everything here is readable by every homeserver in the room
// (ARCHITECTURE.md, decision 2), so it carries no case content at all: no
// name, topic or alias, nothing but encryption, who may join, the ACL and
// power levels. The case itself lives in encrypted timeline events.
import { serverNameOf } from '../cases/ids/matrix.ts';
import { err, ok, type Result } from '../result.ts';
import { hostOf, partiesOnlyAcl } from './server-acl.ts';

export interface StateEvent {
	readonly type: string;
	readonly state_key: string;
	readonly content: Readonly<Record<string, unknown>>;
}

/** The body of a `POST /createRoom` request, as plain data. */
export interface CaseRoomRequest {
	readonly preset: 'private_chat';
	readonly visibility: 'private';
	readonly invite: readonly string[];
	readonly initial_state: readonly StateEvent[];
	readonly power_level_content_override: Readonly<Record<string, unknown>>;
	readonly creation_content: Readonly<Record<string, unknown>>;
}

export interface CaseRoomParties {
	/** The creator's own homeserver name. */
	readonly creatorServer: string;
	/** Every homeserver taking part (the creator's included or not; it is added). */
	readonly partyServers: readonly string[];
	/** Matrix IDs to invite (the counterpart, the creator's bridge, colleagues). */
	readonly invite: readonly string[];
}

export const MEGOLM = 'm.megolm.v1.aes-sha2';

export function caseRoomRequest(parties: CaseRoomParties): Result<CaseRoomRequest, string> {
	const acl = partiesOnlyAcl([parties.creatorServer, ...parties.partyServers]);
	if (!acl.ok) return acl;
	const stray = parties.invite.find((userId) => !acl.value.allow.includes(hostOf(serverNameOf(userId))));
	if (stray !== undefined) return err(`${stray} is on a homeserver that is not a party to this case`);
	return ok({
		preset: 'private_chat',
		visibility: 'private',
		invite: [...parties.invite],
		creation_content: { 'm.federate': true },
		initial_state: [
			state('m.room.encryption', { algorithm: MEGOLM }),
			state('m.room.server_acl', { ...acl.value }),
			// NOTE: members see history from their invitation on; earlier
			// events were never encrypted for them anyway (Megolm).
			state('m.room.history_visibility', { history_visibility: 'invited' }),
			state('m.room.guest_access', { guest_access: 'forbidden' }),
			state('m.room.join_rules', { join_rule: 'invite' }),
		],
		power_level_content_override: {
			// Only the creator's side may change room settings; every member may
			// write, and invite colleagues or their authority's bridge: the ACL,
			// not the power levels, keeps non-parties out.
			events: {
				'm.room.server_acl': 100,
				'm.room.encryption': 100,
				'm.room.power_levels': 100,
				'm.room.join_rules': 100,
				'm.room.history_visibility': 100,
			},
			invite: 0,
			kick: 100,
			ban: 100,
			redact: 100,
		},
	});
}

/** A room state event with the empty state key, as createRoom's `initial_state` takes it. */
export function state(type: string, content: Readonly<Record<string, unknown>>): StateEvent {
	return { type, state_key: '', content };
}
