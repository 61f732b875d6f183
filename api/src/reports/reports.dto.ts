import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDateOrInstant } from '../common/validators';

export class ReportQuery {
  @ApiPropertyOptional({ description: 'Start of the period (default: 28 days before `to`)' })
  @IsOptional()
  @IsDateOrInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'End of the period, exclusive (default: now)' })
  @IsOptional()
  @IsDateOrInstant()
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
}
