import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { RecipientAnswersSeenRequest } from '@peerpath/contracts';

export class RecipientAnswersSeenDto implements RecipientAnswersSeenRequest {
  @ApiProperty({ description: 'the newest answer shown (ISO instant); later ones stay new' })
  @IsISO8601({ strict: true })
  through!: string;
}
