import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  CreateAssessmentRequest,
  CreateGoalRequest,
  GOAL_STATUSES,
  GoalStatus,
  RECOVERY_DOMAINS,
  RecoveryDomain,
  UpdateGoalRequest,
} from '@peerpath/contracts';
import { IsCalendarDate, IsNotFutureInstant } from '../common/validators';

export class CreateGoalDto implements CreateGoalRequest {
  @ApiProperty({ enum: RECOVERY_DOMAINS }) @IsIn(RECOVERY_DOMAINS) domain!: RecoveryDomain;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) description!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  targetDate?: string;
}

export class UpdateGoalDto implements UpdateGoalRequest {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ enum: RECOVERY_DOMAINS })
  @IsOptional()
  @IsIn(RECOVERY_DOMAINS)
  domain?: RecoveryDomain;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  targetDate?: string | null;
  @ApiPropertyOptional({ enum: GOAL_STATUSES }) @IsOptional() @IsIn(GOAL_STATUSES) status?: GoalStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) progressNote?: string;
}

export class CreateAssessmentDto implements CreateAssessmentRequest {
  @ApiProperty({ enum: ['barc10'] }) @IsIn(['barc10']) instrument!: 'barc10';
  @ApiProperty({ type: [Number], minItems: 10, maxItems: 10, description: 'Ten answers, each 1–6' })
  @IsArray()
  @ArrayMinSize(10)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(6, { each: true })
  items!: number[];
  @ApiPropertyOptional() @IsOptional() @IsNotFutureInstant() takenAt?: string;
}
