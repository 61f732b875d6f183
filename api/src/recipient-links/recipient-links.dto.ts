import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  DECLINE_REASONS,
  DeclineReason,
  RECIPIENT_ANSWERS,
  RecipientAnswer,
  RecipientAnswerRequest,
} from '@peerpath/contracts';
import { IsCalendarDate } from '../common/validators';

export class RecipientAnswerDto implements RecipientAnswerRequest {
  @ApiProperty({ enum: RECIPIENT_ANSWERS }) @IsIn(RECIPIENT_ANSWERS) status!: RecipientAnswer;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({ enum: DECLINE_REASONS, description: 'required with declined' })
  @IsOptional()
  @IsIn(DECLINE_REASONS)
  reason?: DeclineReason;
  @ApiPropertyOptional({ description: 'with waitlisted: when a place is expected' })
  @IsOptional()
  @IsCalendarDate()
  expectedOn?: string;
}
