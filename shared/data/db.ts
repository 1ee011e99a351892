/**
 * The data kit, the only door to the table, by subject: the clients (client.ts), cursors
 * (cursors.ts), reads (reads.ts), writes (writes.ts), versioned updates (versioned.ts) and the
 * local runtime's commit barrier (local-commit.ts). Import it from here.
 */
export * from './client.ts';
export { InvalidCursorError, listingOf, encodeCursor, cursorListing, decodeCursor } from './cursors.ts';
export * from './reads.ts';
export * from './writes.ts';
export * from './versioned.ts';
