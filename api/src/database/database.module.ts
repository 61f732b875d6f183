import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config';
import { ENTITIES } from './entities';
import { appRoleUrl } from './urls';

export const DB_POOL = Symbol('DB_POOL');

/** The app's only database connection: the restricted role, never the owner; schema only via migrations. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: appRoleUrl(config.databaseUrl, config.appRolePassword),
        entities: ENTITIES,
        synchronize: false,
        migrationsRun: false,
        // A request waits at most this long for a connection, then answers 503 instead of hanging.
        extra: {
          max: 10,
          application_name: 'peerpath-api',
          connectionTimeoutMillis: config.dbAcquireTimeoutMs,
        },
      }),
    }),
  ],
  providers: [
    {
      provide: DB_POOL,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource): Pool => (dataSource.driver as PostgresDriver).master as Pool,
    },
  ],
  exports: [DB_POOL],
})
export class DatabaseModule {}
