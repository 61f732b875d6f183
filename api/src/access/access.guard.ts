import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, Permission } from '@peerpath/contracts';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { problem, problemType } from '../common/problem';
import { PASSWORD_CHANGE_KEY, PERMISSION_KEY, PUBLIC_KEY } from './allow.decorator';
import { StaffSession } from './actor';
import { refusalRecord } from './refusal';

/**
 * Global and deny-by-default: a route opens only through @Public, @SignedIn or @Allow(permission),
 * and @Allow opens it only to the roles the permission table grants.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const session = req.session?.staff as StaffSession | undefined;
    if (!session) throw new UnauthorizedException(problem(401, 'Sign in to continue.'));
    if (
      session.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)
    )
      throw new ForbiddenException(
        problem(403, 'Choose your own password before going on: an administrator set the current one.', {
          type: problemType('password-change-required'),
          title: 'Password change required',
        }),
      );
    const permission = this.reflector.getAllAndOverride<Permission | 'signed-in' | undefined>(
      PERMISSION_KEY,
      targets,
    );
    if (permission === 'signed-in') return true;
    if (permission && can(session.role, permission)) return true;
    await this.audit.recordStandalone(refusalRecord(req, session));
    throw new ForbiddenException(problem(403, 'Your role may not do this.'));
  }
}
