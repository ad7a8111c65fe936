// The trust rule shared by every reader: how an event arrived (arrival.ts) and
// whether it counts (verdict.ts), with what a decryption failure means for it
// (failures.ts).
export * from './arrival.ts';
export * from './failures.ts';
export * from './verdict.ts';
export * from './labels.ts';
