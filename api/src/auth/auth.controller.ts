import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { LoginResponse } from '@peerpath/contracts';
import type { Request, Response } from 'express';
import { StaffSession } from '../access/actor';
import { Public, SignedIn } from '../access/allow.decorator';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { issueXsrfToken } from './csrf';
import { SESSION_COOKIE } from './session';
import { SignInGuard } from './sign-in.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(SignInGuard)
  @ApiBody({ type: LoginDto })
  async login(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const staff = req.user as StaffSession;
    await regenerate(req);
    req.session.staff = staff;
    await save(req);
    issueXsrfToken(res, req.secure);
    return { user: await this.auth.recordSignIn(staff) };
  }

  @Get('me')
  @SignedIn()
  async me(@Req() req: Request): Promise<LoginResponse> {
    const staff = req.session.staff as StaffSession;
    return { user: await this.auth.sessionUser(this.txHost.tx, staff.userId) };
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const staff = req.session?.staff;
    if (staff) await this.auth.recordSignOut(staff);
    await new Promise<void>(
      (resolve, reject) => req.session?.destroy((e) => (e ? reject(e) : resolve())) ?? resolve(),
    );
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
}
