import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ClaimLinesQuery } from '@peerpath/contracts';
import { IsCalendarDate } from '../common/validators';

export class ClaimLinesQueryDto implements ClaimLinesQuery {
  @ApiPropertyOptional({ description: 'First local date of service (default: 30 days before `to`)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ description: 'Last local date of service, inclusive (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() programId?: string;
}
