import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ContactReview, ReviewCoverage, ReviewQueueItem } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { DocumentationReviewService } from './documentation-review.service';

class ReviewQueueQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() peerId?: string;
}

class ReviewContactDto {
  @ApiPropertyOptional({ description: 'Shown to the peer who wrote the contact' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

@ApiTags('documentation review')
@Controller()
export class DocumentationReviewController {
  constructor(private readonly reviews: DocumentationReviewService) {}

  @Get('documentation-review/queue')
  @Allow('documentationReview:write')
  queue(@CurrentActor() actor: Actor, @Query() query: ReviewQueueQuery): Promise<ReviewQueueItem[]> {
    return this.reviews.queue(actor, query.peerId);
  }

  @Get('documentation-review/coverage')
  @Allow('documentationReview:write')
  coverage(@CurrentActor() actor: Actor): Promise<ReviewCoverage[]> {
    return this.reviews.coverage(actor);
  }

  @Post('contacts/:id/review')
  @Allow('documentationReview:write')
  review(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReviewContactDto,
  ): Promise<ContactReview> {
    return this.reviews.review(actor, id, dto.comment);
  }
}
