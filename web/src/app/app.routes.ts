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
  ...['', 'staff', 'programs', 'audit'].map((path) => ({
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
