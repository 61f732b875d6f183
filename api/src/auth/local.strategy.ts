import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { Request } from 'express';
import { StaffSession } from '../access/actor';
import { AuthService } from './auth.service';
import { problem } from '../common/problem';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, email: string, password: string): Promise<StaffSession> {
    const staff = await this.auth.verifyCredentials(email, password, req.ip ?? 'unknown');
    if (!staff) throw new UnauthorizedException(problem(401, 'The email or password is not right.'));
    return staff;
  }
}
