import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ChangePasswordRequest, LoginRequest, MIN_PASSWORD_LENGTH } from '@peerpath/contracts';
import { MAX_PASSWORD_LENGTH } from './passwords';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'peer@demo.test' }) @IsString() @MinLength(3) @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_PASSWORD_LENGTH) currentPassword!: string;
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}
