export const APP_ROLE = 'peerpath_app';

/** The app's own connection: same server and database as the owner's, as the restricted role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = '/' + database;
  return next.toString();
}
