import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { LoginResponse, SessionResponse } from '@peerpath/contracts';
import type { Request, Response } from 'express';
import { StaffSession } from '../access/actor';
import { Public, SignedIn, WhilePasswordChangeDue } from '../access/allow.decorator';
import { ChangePasswordDto, LoginDto } from './auth.dto';
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
  @WhilePasswordChangeDue()
  async me(@Req() req: Request): Promise<LoginResponse> {
    const staff = req.session.staff as StaffSession;
    return { user: await this.auth.sessionUser(this.txHost.tx, staff.userId) };
  }

  /**
   * The app's first question on opening: 200 whether or not anyone is signed in, so a signed-out
   * visit (the sign-in page, a recipient) does not log a failed request in the browser.
   */
  @Get('session')
  @Public()
  async session(@Req() req: Request): Promise<SessionResponse> {
    const staff = req.session?.staff as StaffSession | undefined;
    if (!staff) return { user: null };
    return { user: await this.auth.sessionUser(this.txHost.tx, staff.userId) };
  }

  /** The signed-in staff member replaces their password; the one an administrator set must go. */
  @Post('change-password')
  @SignedIn()
  @WhilePasswordChangeDue()
  @HttpCode(200)
  async changePassword(@Req() req: Request, @Body() dto: ChangePasswordDto): Promise<LoginResponse> {
    const staff = req.session.staff as StaffSession;
    await this.auth.changePassword(this.txHost.tx, staff, dto.currentPassword, dto.newPassword);
    req.session.staff = { ...staff, mustChangePassword: false };
    await save(req);
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
