// The one template of a room that a service account creates and keeps so
// that it outlives any person (room version 12 makes its creator's power
// permanent): a network's directory and 24/7 rooms, its space and the rooms in
// it, the cross-network rooms. Every such room has the same five state events —
// encryption, a server ACL, history visibility, no guests, a join rule — and no
// name or topic (ARCHITECTURE.md, decision 2: what a homeserver can read says
// nothing about the room's content); only who may do what differs, and that
// is the caller's to say. Pure and total: the ACL comes in already checked
// (server-acl.ts), so nothing here can fail.
import type { RoomId } from '../cases/ids/matrix.ts';
import { MEGOLM, state, type StateEvent } from './case-room.ts';
import type { ServerAclContent } from './server-acl.ts';

/**
 * Room version 12 makes the creator's power permanent (MSC4289), so a room
 * outlives any person and no one can take it from its service account. The
 * pinned Synapse (deploy/synapse/version.ts, 1.163.2) supports it since
 * 1.135.2; it is not yet Synapse's default, so it is asked for. It also has
 * every join rule used here (`knock` ≥ 7, `restricted` ≥ 8).
 * NOTE: in version 12 a creator must not appear in the power levels' `users`.
 */
export const SERVICE_ROOM_VERSION = '12';

/** Every state event type a service room has, at power 100: only its creators change the room. */
export const STATE_AT_100 = [
	'm.room.server_acl',
	'm.room.encryption',
	'm.room.power_levels',
	'm.room.join_rules',
	'm.room.history_visibility',
	'm.room.guest_access',
	'm.room.name',
	'm.room.topic',
	'm.room.avatar',
	'm.room.canonical_alias',
	'm.room.tombstone',
] as const;

/** A room's `m.room.join_rules` content. `restricted`: members of one of the `allow` rooms join without an invitation. */
export type JoinRule =
	| { readonly join_rule: 'public' | 'invite' | 'knock' }
	| { readonly join_rule: 'restricted'; readonly allow: readonly RoomMembershipRule[] };

export interface RoomMembershipRule {
	readonly type: 'm.room_membership';
	readonly room_id: RoomId;
}

/** `restricted` to the members of these rooms (a space, or two): they join by themselves; anyone else needs an invitation. */
export function restrictedTo(rooms: readonly RoomId[]): JoinRule {
	return { join_rule: 'restricted', allow: rooms.map((room_id) => ({ type: 'm.room_membership', room_id })) };
}

export type HistoryVisibility = 'joined' | 'invited' | 'shared';

/** Who may do what, below the creators (users_default is 0 and state_default 100 in every service room). */
export interface ServiceRoomPower {
	/** Users above 0; a creator listed here is dropped (version 12). Absent: no `users` key at all. */
	readonly users?: Readonly<Record<string, number>>;
	/** The power to send any timeline event. NOTE: in an encrypted room every message, reaction and poll vote reaches the server as `m.room.encrypted`, so this one level decides them all. */
	readonly events_default: number;
	readonly invite: number;
	readonly kick: number;
	readonly ban: number;
	readonly redact: number;
	/** State types below 100 (e.g. pinned events), over STATE_AT_100. */
	readonly events?: Readonly<Record<string, number>>;
}

export type Preset = 'public_chat' | 'private_chat';

export interface ServiceRoomTemplate<P extends Preset> {
	/** Only a fallback: every state event the preset would set is given explicitly. */
	readonly preset: P;
	readonly aliasLocalpart: string;
	/** The room's server ACL, checked (partiesOnlyAcl); the creator's server must be in it. */
	readonly acl: ServerAclContent;
	readonly joinRule: JoinRule;
	readonly historyVisibility: HistoryVisibility;
	readonly power: ServiceRoomPower;
	/** The account that will send `createRoom`, when the template knows it: kept out of `users`. */
	readonly creator?: string;
	/** Further permanent creators (version 12 `additional_creators`): kept out of `users` too. */
	readonly additionalCreators?: readonly string[];
	/** More `creation_content` (the room type, Rogatory's kind marker). Readable by every server in the room. */
	readonly creation?: Readonly<Record<string, unknown>>;
	/** State beyond the five every service room has (`m.space.parent`), after them. */
	readonly extraState?: readonly StateEvent[];
}

/** The body of a service account's `POST /createRoom`, as plain data. */
export interface ServiceRoomRequest<P extends Preset = Preset> {
	readonly preset: P;
	readonly visibility: 'private';
	readonly room_alias_name: string;
	readonly room_version: string;
	readonly invite: readonly string[];
	readonly initial_state: readonly StateEvent[];
	readonly power_level_content_override: Readonly<Record<string, unknown>>;
	readonly creation_content: Readonly<Record<string, unknown>>;
}

export function serviceRoomRequest<P extends Preset>(template: ServiceRoomTemplate<P>): ServiceRoomRequest<P> {
	const additional = template.additionalCreators ?? [];
	const creators = new Set([...(template.creator === undefined ? [] : [template.creator]), ...additional]);
	const { users, events, events_default, ...levels } = template.power;
	return {
		preset: template.preset,
		// Not in the server's room list: members find the room by its alias or its space.
		visibility: 'private',
		room_alias_name: template.aliasLocalpart,
		room_version: SERVICE_ROOM_VERSION,
		// NOTE: members are invited one by one after the room exists: an
		// invitation that fails here (an account not registered yet) would fail
		// the whole creation.
		invite: [],
		creation_content: {
			'm.federate': true,
			...(additional.length > 0 ? { additional_creators: [...additional] } : {}),
			...template.creation,
		},
		initial_state: [
			state('m.room.encryption', { algorithm: MEGOLM }),
			state('m.room.server_acl', { ...template.acl }),
			state('m.room.history_visibility', { history_visibility: template.historyVisibility }),
			state('m.room.guest_access', { guest_access: 'forbidden' }),
			state('m.room.join_rules', { ...template.joinRule }),
			...(template.extraState ?? []),
		],
		power_level_content_override: {
			...(users === undefined ? {} : { users: Object.fromEntries(Object.entries(users).filter(([user]) => !creators.has(user))) }),
			users_default: 0,
			events_default,
			state_default: 100,
			events: { ...Object.fromEntries(STATE_AT_100.map((type) => [type, 100])), ...events },
			...levels,
		},
	};
}
