/** pino-roll ships no types: the part of its API the logger uses (see its README). */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    dateFormat?: string;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    /** SonicBoom's option: write each line synchronously. */
    sync?: boolean;
  }

  /** A SonicBoom stream that writes `file` and rolls it over by size and/or time. */
  export default function build(options: PinoRollOptions): Promise<DestinationStream & { flush(cb?: (err?: Error) => void): void; end(): void; on(event: string, fn: (...args: unknown[]) => void): void }>;
}
