/**
 * A lease in MongoDB so that only one process at a time pushes changes to the search engine
 * (several app replicas may all run the worker; the reindex takes the same lease). The holder
 * renews it on every cycle; an expired lease may be taken by anyone.
 */
import mongoose from 'mongoose';

export const LEASES_COLLECTION = 'search_leases';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

function leases() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  return db.collection<LeaseDoc>(LEASES_COLLECTION);
}

export class SyncLease {
  constructor(
    readonly name: string,
    readonly owner: string,
    readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease; false while another owner holds an unexpired one. */
  async acquire(): Promise<boolean> {
    const now = Date.now();
    try {
      const lease = await leases().findOneAndUpdate(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: new Date(now) } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now + this.ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return lease?.owner === this.owner;
    } catch (err) {
      // The upsert collided with a lease another owner holds.
      if ((err as { code?: unknown }).code === 11000) return false;
      throw err;
    }
  }

  /** Waits (polling) until the lease is ours or `timeoutMs` passes. */
  async acquireWithin(timeoutMs: number, pollMs = 200): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.acquire()) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async release(): Promise<void> {
    await leases().updateOne({ _id: this.name, owner: this.owner }, { $set: { expiresAt: new Date(0) } });
  }
}
