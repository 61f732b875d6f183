export * from './lib/roles';
export * from './lib/permissions';
export * from './lib/api';
export * from './lib/clients';
export * from './lib/contacts';
export * from './lib/referrals';
export * from './lib/groups';
export * from './lib/oversight';
