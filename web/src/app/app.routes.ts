import type { Routes } from '@angular/router';
import { permissionGuard, signedInMatch, signedOutGuard } from './core/auth.guards';

const title = (page: string) => `${page} — PeerPath`;

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
    path: 'referrals/:id/summary',
    title: title('Referral summary'),
    canActivate: [permissionGuard('referrals:read')],
    loadComponent: () => import('./referrals/referral-summary-page').then((m) => m.ReferralSummaryPage),
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
    path: '',
    canMatch: [signedInMatch],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: shellRoutes,
  },
  // Signed out: the app's own screens lead to sign-in; anything else is not found.
  ...[
    '',
    'staff',
    'programs',
    'audit',
    'assignments',
    'clients',
    'clients/new',
    'clients/:id',
    'clients/:id/edit',
    'clients/:id/log-contact',
    'clients/:id/contacts/:contactId/edit',
    'clients/:id/refer',
    'referrals',
    'referrals/:id/summary',
    'groups',
    'groups/:id',
    'sessions/:id/attendance',
    'directory',
    'dashboard',
    'dashboard/peers/:peerId',
    'review',
  ].map((path) => ({
    path,
    pathMatch: 'full' as const,
    redirectTo: '/sign-in',
  })),
  {
    path: '**',
    title: title('Page not found'),
    loadComponent: () => import('./not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
