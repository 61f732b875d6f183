import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { encode } from 'uqr';

/** The dark modules of a QR code as one SVG path: drawn in the page, no image request, no CSP exception. */
export function qrPath(value: string): { size: number; d: string } {
  const { size, data } = encode(value, { ecc: 'M', border: 2 });
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return { size, d: parts.join('') };
}

@Component({
  selector: 'pp-qr-code',
  template: `
    <svg
      role="img"
      [attr.aria-label]="label()"
      [attr.viewBox]="'0 0 ' + qr().size + ' ' + qr().size"
      shape-rendering="crispEdges"
    >
      <rect [attr.width]="qr().size" [attr.height]="qr().size" fill="#fff" />
      <path [attr.d]="qr().d" fill="#000" />
    </svg>
  `,
  styles: `
    :host {
      display: block;
      width: 220px;
      max-width: 100%;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QrCode {
  readonly value = input.required<string>();
  readonly label = input('QR code');
  protected readonly qr = computed(() => qrPath(this.value()));
}
