import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { QueueSchema } from './schema';

export const DEFAULT_QUEUE_NAME = 'qari-queue';

/**
 * Database versions. 1: jobs, their imported contents, batches and queue settings. Never edit a released step;
 * add the next (the same ladder as src/library/open-library.ts).
 *
 * A database of its own, not stores in the library: the queue is churn (thousands of short-lived records) and
 * can be dropped whole without touching a saved article, and its upgrades never block the library's.
 */
export const QUEUE_VERSION = 1;

const connections = new Map<string, Promise<IDBPDatabase<QueueSchema>>>();

/** The one shared connection to a queue database, opened (and upgraded) on first use. */
export function openQueue(name: string = DEFAULT_QUEUE_NAME): Promise<IDBPDatabase<QueueSchema>> {
  let connection = connections.get(name);
  if (!connection) {
    const forget = () => connections.delete(name);
    connection = openDB<QueueSchema>(name, QUEUE_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
          jobs.createIndex('by-due', ['status', 'nextAttemptAt', 'seq']);
          jobs.createIndex('by-batch-status', ['batchId', 'status']);
          jobs.createIndex('by-status', 'status');
          db.createObjectStore('contents', { keyPath: 'id' });
          db.createObjectStore('batches', { keyPath: 'id' });
          db.createObjectStore('meta', { keyPath: 'key' });
        }
      },
      // A newer Qari wants to upgrade: let it, reopen on the next call.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        forget();
      },
      terminated: forget,
    });
    connections.set(name, connection);
    connection.catch(() => {
      if (connections.get(name) === connection) forget();
    });
  }
  return connection;
}

/** Closes and deletes a queue database (tests). */
export async function deleteQueue(name: string = DEFAULT_QUEUE_NAME): Promise<void> {
  const connection = connections.get(name);
  connections.delete(name);
  if (connection) (await connection.catch(() => null))?.close();
  await deleteDB(name);
}
