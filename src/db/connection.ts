/**
 * The app's single mongoose connection. Models register on the default connection
 * (`mongoose.model(...)` in each module), so connecting here makes all of them usable.
 */
import mongoose from 'mongoose';

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  // Fail fast when the server is unreachable instead of buffering queries forever.
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

/** For /readyz: a round trip to the server, false when it does not answer. */
export async function databaseHealthy(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  try {
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

/** The driver's MongoClient behind mongoose, shared with connect-mongo so there is one pool. */
export function mongoClient() {
  return mongoose.connection.getClient();
}
