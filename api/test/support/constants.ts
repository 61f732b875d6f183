export const TEST_APP_ROLE_PASSWORD = 'peerpath-app-test-only';
