import type { ResourceStatus } from '@peerpath/contracts';

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  active: 'Open',
  inactive: 'Inactive',
  temporarily_closed: 'Temporarily closed',
};
