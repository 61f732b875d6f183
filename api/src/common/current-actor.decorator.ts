import { createParamDecorator } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { Actor, ACTOR_KEY } from '../access/actor';

/** The signed-in staff member, as the request transaction loaded them. */
export const CurrentActor = createParamDecorator((): Actor =>
  ClsServiceManager.getClsService().get<Actor>(ACTOR_KEY),
);
