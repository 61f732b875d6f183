import { can, type Role, scopeOf } from '@peerpath/contracts';

export interface NavItem {
  label: string;
  path: string;
  icon: string;
  /** One line for the home page cards. */
  summary: string;
}

/** Only areas that exist and that the role may use; future areas get no dead links. */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  if (!role) return [];
  // A peer's home is their own caseload.
  const items: NavItem[] =
    scopeOf(role, 'caseload:read') === 'caseload'
      ? [{ label: 'My caseload', path: '/', icon: 'diversity_3', summary: 'Your clients, overdue first.' }]
      : [{ label: 'Home', path: '/', icon: 'home', summary: 'Your start page.' }];
  if (scopeOf(role, 'clients:read') === 'program') {
    items.push({
      label: 'Clients',
      path: '/clients',
      icon: 'group',
      summary: 'Clients enrolled in your programs, their profiles and timelines.',
    });
  }
  if (can(role, 'clients:assign')) {
    items.push({
      label: 'Caseload assignment',
      path: '/assignments',
      icon: 'swap_horiz',
      summary: 'Move clients between peer specialists’ caseloads.',
    });
  }
  const staffScope = scopeOf(role, 'users:read');
  if (staffScope === 'program' || staffScope === 'org') {
    items.push({
      label: 'Staff',
      path: '/staff',
      icon: 'badge',
      summary: can(role, 'users:write')
        ? 'Add staff, set roles and programs, deactivate accounts.'
        : 'Who works in your programs.',
    });
  }
  if (can(role, 'programs:write')) {
    items.push({
      label: 'Programs',
      path: '/programs',
      icon: 'account_tree',
      summary: 'The clinic’s programs and their contact rules.',
    });
  }
  if (can(role, 'audit:read')) {
    items.push({
      label: 'Audit log',
      path: '/audit',
      icon: 'history',
      summary: 'Every sign-in, record access and denied attempt.',
    });
  }
  return items;
}
