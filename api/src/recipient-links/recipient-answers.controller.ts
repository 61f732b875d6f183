import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecipientAnswerFeed } from '@peerpath/contracts';
import { Actor } from '../access/actor';
import { Allow } from '../access/allow.decorator';
import { CurrentActor } from '../common/current-actor.decorator';
import { RecipientAnswersSeenDto } from './recipient-answers.dto';
import { RecipientAnswersService } from './recipient-answers.service';

@ApiTags('recipient links')
@Controller()
export class RecipientAnswersController {
  constructor(private readonly answers: RecipientAnswersService) {}

  /** Recipients' answers on the caller's caseload since they last marked them seen, newest first. */
  @Get('recipient-answers')
  @Allow('recipientAnswers:read')
  feed(@CurrentActor() actor: Actor): Promise<RecipientAnswerFeed> {
    return this.answers.feed(actor);
  }

  @Post('recipient-answers/seen')
  @Allow('recipientAnswers:seen')
  @HttpCode(204)
  seen(@CurrentActor() actor: Actor, @Body() dto: RecipientAnswersSeenDto): Promise<void> {
    return this.answers.markSeen(actor, dto.through);
  }
}
