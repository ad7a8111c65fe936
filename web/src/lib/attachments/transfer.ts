/** How far an upload or a download has come, in bytes; `total` when known. */
export interface Transfer {
	readonly loaded: number;
	readonly total: number | undefined;
}
