import request from 'supertest';
import type { Server } from 'node:http';
import { demoPassword } from '../../src/seed/demo-seed';

type Response = request.Response;

/**
 * One browser-like caller: keeps its cookies, and echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on
 * state-changing requests the way Angular's HttpClient does.
 */
export class Staff {
  private cookies = new Map<string, string>();
  user: {
    id: string;
    email: string;
    name: string;
    role: string;
    organizationId: string;
    programIds: string[];
  } | null = null;
  lastLogin?: Response;

  private constructor(private readonly server: Server) {}

  static async anonymous(server: Server): Promise<Staff> {
    const staff = new Staff(server);
    await staff.get('/api/health');
    return staff;
  }

  static async signIn(server: Server, email: string, password = demoPassword()): Promise<Staff> {
    const staff = await Staff.anonymous(server);
    const res = await staff.post('/api/auth/login', { email, password });
    staff.lastLogin = res;
    if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
    staff.user = res.body.user;
    return staff;
  }

  /** The same caller (same cookies, same session) reaching another API process. */
  through(server: Server): Staff {
    const other = new Staff(server);
    other.cookies = this.cookies;
    other.user = this.user;
    return other;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  get(path: string): Promise<Response> {
    return this.send('get', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.send('post', path, body, headers);
  }
  patch(path: string, body?: unknown): Promise<Response> {
    return this.send('patch', path, body);
  }
  put(path: string, body?: unknown): Promise<Response> {
    return this.send('put', path, body);
  }
  delete(path: string): Promise<Response> {
    return this.send('delete', path);
  }

  async send(
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let req = request(this.server)[method](path);
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) req = req.set('Cookie', jar);
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'get' && xsrf && !('x-xsrf-token' in headers)) req = req.set('X-XSRF-TOKEN', xsrf);
    for (const [k, v] of Object.entries(headers)) if (v !== '') req = req.set(k, v);
    const res = body === undefined ? await req : await req.send(body as object);
    this.remember(res);
    return res;
  }

  private remember(res: Response): void {
    const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
    for (const line of raw ?? []) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const key = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, value);
    }
  }
}

export function isProblem(res: Response): boolean {
  return (
    /application\/problem\+json/.test(String(res.headers['content-type'])) &&
    typeof res.body?.status === 'number'
  );
}
