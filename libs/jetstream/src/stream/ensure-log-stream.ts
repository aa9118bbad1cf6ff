import { JetStreamApiCodes, JetStreamManager, StreamInfo } from '@nats-io/jetstream';
import { isJetStreamApiError } from '../connection/jetstream-api-error';
import { LogStreamOptions, logStreamConfig, logStreamWeaknesses } from './log-stream-spec';

export interface EnsuredLogStream {
  created: boolean;
  info: StreamInfo;
  /** Non-empty when the stream existed with weaker settings than the log needs. */
  weaknesses: string[];
}

/** Creates the log stream if it is missing; never changes an existing one, but reports its weaknesses. */
export async function ensureLogStream(
  jsm: JetStreamManager,
  options: LogStreamOptions,
): Promise<EnsuredLogStream> {
  try {
    const info = await jsm.streams.info(options.streamName);
    return { created: false, info, weaknesses: logStreamWeaknesses(info.config, options) };
  } catch (error) {
    if (!isJetStreamApiError(error, JetStreamApiCodes.StreamNotFound)) throw error;
  }
  try {
    const info = await jsm.streams.add(logStreamConfig(options));
    return { created: true, info, weaknesses: [] };
  } catch (error) {
    // Another process created it in the meantime: judge what it created.
    const info = await jsm.streams.info(options.streamName).catch(() => {
      throw error;
    });
    return { created: false, info, weaknesses: logStreamWeaknesses(info.config, options) };
  }
}
