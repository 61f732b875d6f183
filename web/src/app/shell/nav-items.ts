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
  if (can(role, 'referrals:read')) {
    items.push({
      label: 'Referrals',
      path: '/referrals',
      icon: 'send',
      summary:
        scopeOf(role, 'referrals:read') === 'caseload'
          ? 'Your open referrals, overdue follow-ups first.'
          : 'Referral history across your programs, with CSV export.',
    });
  }
  if (can(role, 'handoffs:read')) {
    items.push({
      label: 'Incoming handoffs',
      path: '/handoffs',
      icon: 'login',
      summary: 'Warm handoffs from hospitals, re-entry and courts: claim, reach, start the intake.',
    });
  }
  if (can(role, 'groups:read')) {
    items.push({
      label: 'Groups',
      path: '/groups',
      icon: 'groups',
      summary:
        scopeOf(role, 'sessions:write') === 'facilitator'
          ? 'Recovery groups, sessions and attendance at the door.'
          : 'Recovery groups, rosters, sessions and attendance rates.',
    });
  }
  if (can(role, 'resources:read')) {
    items.push({
      label: 'Directory',
      path: '/directory',
      icon: 'local_library',
      summary: 'Community resources by need: housing, MOUD, food and more.',
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
  if (can(role, 'organization:write')) {
    items.push({
      label: 'Clinic settings',
      path: '/clinic',
      icon: 'settings',
      summary: 'The clinic’s time zone and how contacts and groups bill.',
    });
  }
  if (scopeOf(role, 'reports:read') === 'caseload') {
    items.push({
      label: 'My figures',
      path: '/dashboard',
      icon: 'monitoring',
      summary: 'Your caseload figures: contacts, referrals and group attendance.',
    });
  }
  if (can(role, 'billing:read')) {
    items.push({
      label: 'Claim lines',
      path: '/billing/claim-lines',
      icon: 'receipt_long',
      summary: 'H0038 lines to bill, and the ones not ready with the reasons.',
    });
  }
  if (can(role, 'documentationReview:write')) {
    items.push({
      label: 'Documentation review',
      path: '/review',
      icon: 'fact_check',
      summary: 'Review signed contacts and emergency access; see review coverage per peer.',
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
