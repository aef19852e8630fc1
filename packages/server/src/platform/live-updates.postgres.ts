import pg from 'pg';
import { createSubscriberSet, LiveEvent, type LiveUpdates } from './live-updates.ts';

/** The one NOTIFY channel. Every server process on the database listens on it. */
export const LIVE_CHANNEL = 'bro_live';
/** Shows up in pg_stat_activity, so an operator can tell the listener apart from the pool. */
export const LIVE_LISTENER_APPLICATION_NAME = 'bro-live-listener';

const INITIAL_RECONNECT_DELAY_MS = 100;
const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * Live updates across server processes through PostgreSQL LISTEN/NOTIFY. Each process holds one dedicated
 * connection that LISTENs; `publish` NOTIFYs through a small pool; every process (the publisher included, through
 * its own listener) delivers the event to its local subscribers for that service.
 *
 * If the listening connection drops, it reconnects with exponential backoff and LISTENs again. Events published
 * while it was down are not replayed: live updates are a hint to refetch, and the data itself stays in the database.
 */
export async function createPostgresLiveUpdates(connectionString: string): Promise<LiveUpdates> {
  const subscribers = createSubscriberSet();
  const pool = new pg.Pool({ connectionString, max: 2, application_name: 'bro-live-publisher' });
  pool.on('error', (error) => console.error('[live-updates] idle publisher connection error:', error.message));
  const listener = createReconnectingListener(connectionString, (event) => subscribers.deliver(event));

  // The first connection must work: a server that cannot listen should not start as if it could.
  await listener.start().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });

  let isClosed = false;
  return {
    publish: async (event) => {
      // Parsing strips anything but the identifiers the schema allows, and refuses what is not an identifier.
      const payload = JSON.stringify(LiveEvent.parse(event));
      await pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
    },
    subscribe: subscribers.add,
    watchSessions: subscribers.watchSessions,
    close: async () => {
      if (isClosed) return;
      isClosed = true;
      subscribers.clear();
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * The one LISTENing connection of this process. When it drops, it reconnects with exponential backoff and LISTENs
 * again, until it is closed.
 */
function createReconnectingListener(connectionString: string, deliver: (event: LiveEvent) => void) {
  let listener: pg.Client | undefined;
  let isClosed = false;
  let reconnectDelay = INITIAL_RECONNECT_DELAY_MS;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== LIVE_CHANNEL || message.payload === undefined) return;
    const event = parseEvent(message.payload);
    if (event) deliver(event);
  };

  const onLost = (client: pg.Client, error: Error | undefined) => {
    if (listener === client) listener = undefined;
    if (isClosed) return;
    console.error(`[live-updates] listener connection lost (${error?.message ?? 'ended'}); reconnecting in ${reconnectDelay} ms`);
    scheduleReconnect();
  };

  const connect = async (): Promise<void> => {
    const client = await openListeningClient(connectionString, onNotification, onLost);
    if (isClosed) {
      await client.end().catch(() => {});
      return;
    }
    listener = client;
    reconnectDelay = INITIAL_RECONNECT_DELAY_MS;
  };

  const scheduleReconnect = () => {
    if (isClosed || reconnectTimer) return;
    const delay = reconnectDelay;
    reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_DELAY_MS);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch((error: unknown) => {
        console.error('[live-updates] reconnect failed:', error instanceof Error ? error.message : String(error));
        scheduleReconnect();
      });
    }, delay);
  };

  const stop = () => {
    isClosed = true;
    clearTimeout(reconnectTimer);
  };

  return {
    /** The first connection; when it fails, the listener stays closed and the error is thrown. */
    start: () =>
      connect().catch((error: unknown) => {
        stop();
        throw error;
      }),
    close: async () => {
      stop();
      const client = listener;
      listener = undefined;
      if (client) {
        client.removeAllListeners('notification');
        await client.end().catch(() => {});
      }
    },
  };
}

/** A client that LISTENs on the channel; `onLost` hears once if it drops afterwards. */
async function openListeningClient(
  connectionString: string,
  onNotification: (message: pg.Notification) => void,
  onLost: (client: pg.Client, error: Error | undefined) => void,
): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, application_name: LIVE_LISTENER_APPLICATION_NAME, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  let hasDropped = false;
  const onDrop = (error?: Error) => {
    if (hasDropped) return;
    hasDropped = true;
    client.removeAllListeners('notification');
    // Keep a listener for late errors on the dead client, so they cannot crash the process.
    client.on('error', () => {});
    void client.end().catch(() => {});
    onLost(client, error);
  };
  client.on('error', onDrop);
  client.on('end', () => onDrop());
  client.on('notification', onNotification);
  try {
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
  } catch (error) {
    client.removeAllListeners();
    client.on('error', () => {});
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

/** Anything on the channel that is not one of our events (another version, a stray NOTIFY) is ignored. */
function parseEvent(payload: string): LiveEvent | undefined {
  try {
    const result = LiveEvent.safeParse(JSON.parse(payload));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
