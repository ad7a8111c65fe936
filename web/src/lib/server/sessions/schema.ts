// The web server's session tables (drizzle). A row of `sessions` is one
// signed-in browser: its id is the SHA-256 of the session token the browser
// holds in its cookie, so a leaked database yields no usable token (the Lucia
// way). The Matrix access token the session was made with is kept only
// sealed under a key derived from the session token (token-seal.ts), so the
// database alone yields no usable Matrix token either. Roles are not stored:
// they are read from the roster on every request, so a roster change applies
// at once.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable(
	'sessions',
	{
		/** Lower-case hex SHA-256 of the session token. */
		id: text('id').primaryKey(),
		/** The Matrix user ID the homeserver confirmed (whoami), e.g. "@carlos.mendez:matrix.mp.gt". */
		userId: text('user_id').notNull(),
		/** The Matrix device the verified access token belongs to. */
		deviceId: text('device_id'),
		/** The deployment's homeserver id of the user's server (the roster's authority id for a member). */
		homeserverId: text('homeserver_id').notNull(),
		/** Milliseconds since the epoch. */
		createdAt: integer('created_at').notNull(),
		/** Milliseconds since the epoch; moved forward while the session is used, never past the absolute lifetime. */
		expiresAt: integer('expires_at').notNull(),
		/** Whether the cookie carries Secure (decided once, from the origin the browser signed in on). */
		secure: integer('secure', { mode: 'boolean' }).notNull(),
		/**
		 * The Matrix access token, sealed (AES-256-GCM) under a key only the session
		 * token opens. NOTE: nullable only because SQLite adds columns to existing
		 * rows; a session without one is ended when next seen (sessions made before
		 * re-validation existed; their people sign in again).
		 */
		matrixToken: blob('matrix_token', { mode: 'buffer' }),
		/** When the homeserver last confirmed the token (whoami: same user, same device). */
		confirmedAt: integer('confirmed_at'),
		/** When the homeserver was last asked, whatever it answered. */
		checkedAt: integer('checked_at'),
		/** When the session was last used (to the minute), for the administrators' page. */
		lastSeenAt: integer('last_seen_at'),
	},
	(table) => [index('sessions_user_id').on(table.userId), index('sessions_homeserver_id').on(table.homeserverId)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * Devices whose web sessions an authority administrator ended: such a device
 * gets no new web session from its old access token (the person signs in
 * again, with their password, as a new device).
 */
export const endedDevices = sqliteTable(
	'ended_devices',
	{
		userId: text('user_id').notNull(),
		deviceId: text('device_id').notNull(),
		/** Milliseconds since the epoch. */
		endedAt: integer('ended_at').notNull(),
		/** The administrator's Matrix user ID. */
		endedBy: text('ended_by').notNull(),
	},
	(table) => [primaryKey({ columns: [table.userId, table.deviceId] })],
);
