import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { caseloadEntry } from '../../testing/clinic-records';
import { fakeAuth, sessionUser, settle } from '../../testing/session-users';
import { AuthService } from '../core/auth.service';
import { PeerCaseloadPage } from './peer-caseload-page';
import { caseloadReport, PAT_ID } from './report-fixtures';

describe('PeerCaseloadPage', () => {
  it('lists the peer’s caseload from GET /api/caseload?peerId= with links to each client', async () => {
    TestBed.configureTestingModule({
      imports: [PeerCaseloadPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: fakeAuth(sessionUser('manager')) },
      ],
    });
    const fixture = TestBed.createComponent(PeerCaseloadPage);
    fixture.componentRef.setInput('peerId', PAT_ID);
    await fixture.whenStable();
    const backend = TestBed.inject(HttpTestingController);
    const caseload = backend.expectOne((r) => r.url === '/api/caseload');
    expect(caseload.request.params.get('peerId')).toBe(PAT_ID);
    caseload.flush({
      items: [caseloadEntry(1, { overdue: true, daysSinceContact: 30 }), caseloadEntry(2)],
      nextCursor: null,
    });
    backend.expectOne(`/api/users/${PAT_ID}`).flush({ id: PAT_ID, name: 'Pat Peer (demo)' });
    backend.expectOne((r) => r.url === '/api/reports/caseloads').flush(caseloadReport());
    await settle();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toContain('Pat Peer (demo) — caseload');
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('a.client-link'));
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['First1 Last1', '/clients/40000000-0000-4000-8000-000000000001'],
      ['First2 Last2', '/clients/40000000-0000-4000-8000-000000000002'],
    ]);
    expect(element.textContent).toContain('30 days ago');
    expect(element.textContent).toContain('1 overdue');
  });
});
