import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ProblemMessage } from './problem-message';

@Component({
  imports: [ProblemMessage],
  template: `
    <pp-problem message="The sessions could not be loaded.">
      <button type="button">Try again</button>
    </pp-problem>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('ProblemMessage', () => {
  it('is announced as an alert with its message, and keeps the action given to it', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const problem = (fixture.nativeElement as HTMLElement).querySelector('pp-problem');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(problem?.classList).toContain('problem');
    expect(problem?.textContent).toContain('The sessions could not be loaded.');
    expect(problem?.querySelector('button')?.textContent?.trim()).toBe('Try again');
    expect(problem?.querySelector('mat-icon')?.getAttribute('aria-hidden')).toBe('true');
  });
});
