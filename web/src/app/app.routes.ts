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
