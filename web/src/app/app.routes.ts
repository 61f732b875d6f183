import { inject } from '@angular/core';
import { type RedirectFunction, Router, type Routes } from '@angular/router';
import { passwordChangeDueGuard, permissionGuard, signedInMatch, signedOutGuard } from './core/auth.guards';

const title = (page: string) => `${page} — PeerPath`;

/** Signed out on one of the app's pages: sign in first, then come back to it (`?next=`). */
const toSignIn: RedirectFunction = ({ url, queryParams }) => {
  const router = inject(Router);
  const next = router.serializeUrl(router.createUrlTree(['/', ...url.map((s) => s.path)], { queryParams }));
  return router.createUrlTree(['/sign-in'], next === '/' ? {} : { queryParams: { next } });
};

/** Screens inside the signed-in shell. */
const shellRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: title('Home'),
    loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'clients',
    title: title('Clients'),
    canActivate: [permissionGuard('clients:read', ['program'])],
    loadComponent: () => import('./clients/directory/client-directory').then((m) => m.ClientDirectory),
  },
  {
    path: 'clients/new',
    title: title('New client'),
    canActivate: [permissionGuard('clients:create')],
    loadComponent: () => import('./clients/client-form/client-form-page').then((m) => m.ClientFormPage),
  },
  {
    path: 'clients/:id',
    title: title('Client'),
    canActivate: [permissionGuard('clients:read')],
    loadComponent: () => import('./clients/client-page/client-page').then((m) => m.ClientPage),
  },
  {
    path: 'clients/:id/edit',
    title: title('Edit profile'),
    canActivate: [permissionGuard('clients:write')],
    loadComponent: () => import('./clients/client-form/client-form-page').then((m) => m.ClientFormPage),
  },
  {
    path: 'clients/:id/log-contact',
    title: title('Log contact'),
    canActivate: [permissionGuard('contacts:write')],
    loadComponent: () => import('./contacts/log-contact/log-contact-page').then((m) => m.LogContactPage),
  },
  {
    path: 'clients/:id/contacts/:contactId/edit',
    title: title('Edit contact'),
    canActivate: [permissionGuard('contacts:write')],
    loadComponent: () => import('./contacts/log-contact/log-contact-page').then((m) => m.LogContactPage),
  },
  {
    path: 'outbox',
    title: title('Outbox'),
    loadComponent: () => import('./outbox/outbox-page').then((m) => m.OutboxPage),
  },
  {
    path: 'assignments',
    title: title('Caseload assignment'),
    canActivate: [permissionGuard('clients:assign')],
    loadComponent: () => import('./assignments/assignments-page').then((m) => m.AssignmentsPage),
  },
  {
    path: 'clients/:id/refer',
    title: title('Refer'),
    canActivate: [permissionGuard('referrals:write')],
    loadComponent: () => import('./referrals/refer-page').then((m) => m.ReferPage),
  },
  {
    path: 'referrals',
    title: title('Referrals'),
    canActivate: [permissionGuard('referrals:read')],
    loadComponent: () => import('./referrals/referrals-page').then((m) => m.ReferralsPage),
  },
  {
    path: 'clients/:id/disclosures',
    title: title('Accounting of disclosures'),
    canActivate: [permissionGuard('disclosures:read')],
    loadComponent: () => import('./consents/accounting/disclosures-page').then((m) => m.DisclosuresPage),
  },
  {
    path: 'referrals/:id/summary',
    title: title('Referral summary'),
    canActivate: [permissionGuard('referrals:read')],
    loadComponent: () => import('./referrals/referral-summary-page').then((m) => m.ReferralSummaryPage),
  },
  {
    path: 'handoffs',
    title: title('Incoming handoffs'),
    canActivate: [permissionGuard('handoffs:read')],
    loadComponent: () => import('./handoffs/handoff-queue').then((m) => m.HandoffQueue),
  },
  {
    path: 'handoffs/new',
    title: title('Record a handoff'),
    canActivate: [permissionGuard('handoffs:write')],
    loadComponent: () => import('./handoffs/new-handoff-page').then((m) => m.NewHandoffPage),
  },
  {
    path: 'groups',
    title: title('Groups'),
    canActivate: [permissionGuard('groups:read')],
    loadComponent: () => import('./groups/group-list/groups-page').then((m) => m.GroupsPage),
  },
  {
    path: 'groups/:id',
    title: title('Group'),
    canActivate: [permissionGuard('groups:read')],
    loadComponent: () => import('./groups/group-detail/group-page').then((m) => m.GroupPage),
  },
  {
    path: 'sessions/:id/attendance',
    title: title('Attendance'),
    canActivate: [permissionGuard('groups:read')],
    loadComponent: () =>
      import('./groups/take-attendance/take-attendance-page').then((m) => m.TakeAttendancePage),
  },
  {
    path: 'directory',
    title: title('Resource directory'),
    canActivate: [permissionGuard('resources:read')],
    loadComponent: () => import('./directory/directory-page').then((m) => m.DirectoryPage),
  },
  {
    path: 'staff',
    title: title('Staff'),
    canActivate: [permissionGuard('users:read', ['program', 'org'])],
    loadComponent: () => import('./admin/staff/staff-page').then((m) => m.StaffPage),
  },
  {
    path: 'programs',
    title: title('Programs'),
    canActivate: [permissionGuard('programs:read')],
    loadComponent: () => import('./admin/programs/programs-page').then((m) => m.ProgramsPage),
  },
  {
    path: 'clinic',
    title: title('Clinic settings'),
    canActivate: [permissionGuard('organization:write')],
    loadComponent: () => import('./admin/clinic/clinic-settings-page').then((m) => m.ClinicSettingsPage),
  },
  {
    path: 'audit',
    title: title('Audit log'),
    canActivate: [permissionGuard('audit:read')],
    loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
  },
  {
    path: 'dashboard',
    title: title('My figures'),
    canActivate: [permissionGuard('reports:read')],
    loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'dashboard/peers/:peerId',
    title: title('Peer caseload'),
    canActivate: [permissionGuard('caseload:read', ['program'])],
    loadComponent: () => import('./dashboard/peer-caseload-page').then((m) => m.PeerCaseloadPage),
  },
  {
    path: 'billing/claim-lines',
    title: title('Claim lines'),
    canActivate: [permissionGuard('billing:read')],
    loadComponent: () => import('./billing/claim-lines-page').then((m) => m.ClaimLinesPage),
  },
  {
    path: 'review',
    title: title('Documentation review'),
    canActivate: [permissionGuard('documentationReview:write')],
    loadComponent: () => import('./oversight/review-page').then((m) => m.ReviewPage),
  },
  {
    path: '**',
    title: title('Page not found'),
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    title: title('Sign in'),
    canActivate: [signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'change-password',
    title: title('Choose your password'),
    canActivate: [passwordChangeDueGuard],
    loadComponent: () => import('./sign-in/change-password-page').then((m) => m.ChangePasswordPage),
  },
  // The recipient of a shared referral, with no account: outside the shell, signed in or not.
  {
    path: 'r/:token',
    title: title('Referral'),
    loadComponent: () => import('./recipient/recipient-page').then((m) => m.RecipientPage),
  },
  {
    path: '',
    canMatch: [signedInMatch],
    // Lazy, like the home page inside it: the sign-in screen loads none of the signed-in code.
    // The router loads the shell's and the page's chunks in parallel.
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: shellRoutes,
  },
  // Signed out: the app's own screens lead to sign-in; anything else is not found.
  ...[
    '',
    'staff',
    'programs',
    'clinic',
    'audit',
    'assignments',
    'clients',
    'clients/new',
    'clients/:id',
    'clients/:id/edit',
    'clients/:id/log-contact',
    'clients/:id/contacts/:contactId/edit',
    'clients/:id/refer',
    'clients/:id/disclosures',
    'referrals',
    'referrals/:id/summary',
    'handoffs',
    'handoffs/new',
    'groups',
    'groups/:id',
    'sessions/:id/attendance',
    'directory',
    'dashboard',
    'dashboard/peers/:peerId',
    'billing/claim-lines',
    'review',
    'outbox',
  ].map((path) => ({
    path,
    pathMatch: 'full' as const,
    redirectTo: toSignIn,
  })),
  {
    path: '**',
    title: title('Page not found'),
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
