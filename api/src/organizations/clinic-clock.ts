import { Inject, Injectable } from '@nestjs/common';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import {
  DEFAULT_TIME_ZONE,
  LocalDate,
  addDays,
  localDate,
  localDayRange,
  localMinuteOfDay,
} from '@peerpath/contracts';
import { Actor, ACTOR_KEY } from '../access/actor';
import { APP_CONFIG, AppConfig } from '../config';

let nowSource: () => Date = () => new Date();

/** The current instant, as the app's clock has it (tests may pin it). */
export function requestNow(): Date {
  return nowSource();
}

/**
 * The signed-in caller's local today, for validators (which run inside the request but outside
 * dependency injection); before sign-in, the default zone.
 */
export function requestToday(): LocalDate {
  const actor = ClsServiceManager.getClsService()?.get<Actor | undefined>(ACTOR_KEY);
  return localDate(nowSource(), actor?.clinic?.timeZone ?? DEFAULT_TIME_ZONE);
}

/**
 * The one source of "now" and "today" for the API: today is the organization's local calendar
 * date, never the UTC date (at 7 pm in New York the UTC date is already tomorrow).
 */
@Injectable()
export class ClinicClock {
  constructor(
    private readonly cls: ClsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    nowSource = () => this.now();
  }

  now(): Date {
    return this.config.now?.() ?? new Date();
  }

  /** The signed-in caller's organization zone (the default before sign-in). */
  get timeZone(): string {
    return this.cls.get<Actor | undefined>(ACTOR_KEY)?.clinic.timeZone ?? DEFAULT_TIME_ZONE;
  }

  today(timeZone = this.timeZone): LocalDate {
    return localDate(this.now(), timeZone);
  }

  daysFromToday(days: number, timeZone = this.timeZone): LocalDate {
    return addDays(this.today(timeZone), days);
  }

  dateOf(instant: Date | string | number, timeZone = this.timeZone): LocalDate {
    return localDate(instant, timeZone);
  }

  minuteOfDay(instant: Date | string | number, timeZone = this.timeZone): number {
    return localMinuteOfDay(instant, timeZone);
  }

  /** The instants bounding local days `from`..`to` inclusive, as `[start, end)`. */
  range(from: LocalDate, to: LocalDate, timeZone = this.timeZone): { start: Date; end: Date } {
    return localDayRange(from, to, timeZone);
  }
}
