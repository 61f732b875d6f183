import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CloseHandoffRequest,
  ConvertHandoffRequest,
  CreateHandoffRequest,
  HANDOFF_ATTEMPT_METHODS,
  HANDOFF_CLOSE_REASONS,
  HANDOFF_SOURCES,
  HANDOFF_STATUSES,
  HandoffAttemptMethod,
  HandoffAttemptRequest,
  HandoffCloseReason,
  HandoffSource,
  HandoffStatus,
  Need,
  NEEDS,
} from '@peerpath/contracts';
import { CreateClientDto } from '../clients/clients.dto';
import { IsNotFutureInstant, IsPastDate } from '../common/validators';

const PHONE = /^[0-9+()\-.\s]{7,25}$/;

export class CreateHandoffDto implements CreateHandoffRequest {
  @ApiProperty() @IsUUID() programId!: string;
  @ApiProperty({ enum: HANDOFF_SOURCES }) @IsIn(HANDOFF_SOURCES) source!: HandoffSource;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) referrerName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) referrerContact?: string;
  @ApiPropertyOptional({ description: 'when the handoff came in; now if left out' })
  @IsOptional()
  @IsNotFutureInstant()
  receivedAt?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsPastDate() dateOfBirth?: string;
  @ApiProperty({ enum: NEEDS }) @IsIn(NEEDS) need!: Need;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class HandoffListQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({
    enum: [...HANDOFF_STATUSES, 'open'],
    description: 'open = new or claimed (default)',
  })
  @IsOptional()
  @IsIn([...HANDOFF_STATUSES, 'open', 'all'])
  status?: HandoffStatus | 'open' | 'all';
}

export class HandoffTimesQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
  @ApiPropertyOptional({ description: 'received from (ISO instant); 90 days ago by default' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'received before (ISO instant); now by default' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class HandoffAttemptDto implements HandoffAttemptRequest {
  @ApiPropertyOptional({ description: 'when the attempt was made; now if left out' })
  @IsOptional()
  @IsNotFutureInstant()
  at?: string;
  @ApiProperty({ enum: HANDOFF_ATTEMPT_METHODS })
  @IsIn(HANDOFF_ATTEMPT_METHODS)
  method!: HandoffAttemptMethod;
  @ApiProperty() @IsBoolean() successful!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/**
 * The intake form's fields: what the peer confirms or adds at conversion overrides the handoff's
 * details; program and primary peer come from the handoff and its claimer.
 */
export class ConvertHandoffDto
  extends PartialType(OmitType(CreateClientDto, ['programId', 'primaryPeerId'] as const))
  implements ConvertHandoffRequest {}

export class CloseHandoffDto implements CloseHandoffRequest {
  @ApiProperty({ enum: HANDOFF_CLOSE_REASONS }) @IsIn(HANDOFF_CLOSE_REASONS) reason!: HandoffCloseReason;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class HandoffTargetDto {
  @ApiProperty({ minimum: 1, maximum: 720 }) @IsInt() @Min(1) @Max(720) hours!: number;
}
