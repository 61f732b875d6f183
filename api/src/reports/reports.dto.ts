import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class ReportQuery {
  @ApiPropertyOptional({ description: 'Start of the period (default: 28 days before `to`)' })
  @IsOptional()
  @IsISO8601()
  from?: string;
  @ApiPropertyOptional({ description: 'End of the period, exclusive (default: now)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
}
