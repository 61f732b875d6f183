import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AttendanceItem,
  type ClientAttendanceEntry,
  type ClientAttendanceRates,
  type CommunityMeeting,
  type CreateCommunityMeetingRequest,
  type CreateGroupRequest,
  type CreateSessionRequest,
  type Group,
  type GroupMember,
  GROUPS_API,
  type GroupRates,
  type GroupSession,
  type Page,
  type RosterEntry,
  type SessionAttendance,
  type UpdateGroupRequest,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';
import { getAll, getPage, toParams } from '../core/page';

export interface GroupListQuery {
  programId?: string;
  mine?: boolean;
  includeInactive?: boolean;
}

const id = encodeURIComponent;
const keyed = (idempotencyKey: string) => ({
  headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
});

/** Groups, rosters, sessions, attendance and community meetings (issue 5). */
@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);

  list(query: GroupListQuery = {}, cursor: string | null = null): Promise<Page<Group>> {
    return getPage<Group>(this.http, GROUPS_API.groups, {
      limit: 100,
      cursor,
      programId: query.programId,
      mine: query.mine ? 'true' : undefined,
      includeInactive: query.includeInactive ? 'true' : undefined,
    });
  }

  get(groupId: string): Promise<Group> {
    return firstValueFrom(this.http.get<Group>(GROUPS_API.group(id(groupId))));
  }

  create(request: CreateGroupRequest): Promise<Group> {
    return firstValueFrom(this.http.post<Group>(GROUPS_API.groups, request));
  }

  update(groupId: string, request: UpdateGroupRequest): Promise<Group> {
    return firstValueFrom(this.http.patch<Group>(GROUPS_API.group(id(groupId)), request));
  }

  roster(groupId: string): Promise<RosterEntry[]> {
    return firstValueFrom(this.http.get<RosterEntry[]>(GROUPS_API.roster(id(groupId))));
  }

  addToRoster(groupId: string, clientId: string): Promise<RosterEntry> {
    return firstValueFrom(this.http.post<RosterEntry>(GROUPS_API.roster(id(groupId)), { clientId }));
  }

  removeFromRoster(groupId: string, clientId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${GROUPS_API.roster(id(groupId))}/${id(clientId)}`));
  }

  /** Active clients of the group's program who are not on the roster; a facilitator sees display names. */
  walkIns(groupId: string, q: string): Promise<GroupMember[]> {
    return firstValueFrom(
      this.http.get<GroupMember[]>(GROUPS_API.walkIns(id(groupId)), { params: toParams({ q }) }),
    );
  }

  sessions(groupId: string, cursor: string | null = null, limit = 20): Promise<Page<GroupSession>> {
    return getPage<GroupSession>(this.http, GROUPS_API.sessions(id(groupId)), { limit, cursor });
  }

  createSession(groupId: string, request: CreateSessionRequest): Promise<GroupSession> {
    return firstValueFrom(this.http.post<GroupSession>(GROUPS_API.sessions(id(groupId)), request));
  }

  rates(groupId: string): Promise<GroupRates> {
    return firstValueFrom(this.http.get<GroupRates>(GROUPS_API.groupRates(id(groupId))));
  }

  attendance(sessionId: string): Promise<SessionAttendance> {
    return firstValueFrom(this.http.get<SessionAttendance>(GROUPS_API.attendance(id(sessionId))));
  }

  /** Replaces the session's attendance as a whole; a repeat with the same key gets the first answer. */
  recordAttendance(
    sessionId: string,
    items: AttendanceItem[],
    idempotencyKey: string,
  ): Promise<SessionAttendance> {
    return firstValueFrom(
      this.http.put<SessionAttendance>(GROUPS_API.attendance(id(sessionId)), items, keyed(idempotencyKey)),
    );
  }

  clientAttendance(clientId: string, limit = 50): Promise<Page<ClientAttendanceEntry>> {
    return getPage<ClientAttendanceEntry>(this.http, GROUPS_API.clientAttendance(id(clientId)), { limit });
  }

  clientRates(clientId: string): Promise<ClientAttendanceRates> {
    return firstValueFrom(this.http.get<ClientAttendanceRates>(GROUPS_API.clientRates(id(clientId))));
  }

  communityMeetings(clientId: string): Promise<CommunityMeeting[]> {
    return getAll<CommunityMeeting>(this.http, GROUPS_API.communityMeetings(id(clientId)), 50, 2);
  }

  recordCommunityMeeting(
    clientId: string,
    request: CreateCommunityMeetingRequest,
    idempotencyKey: string,
  ): Promise<CommunityMeeting> {
    return firstValueFrom(
      this.http.post<CommunityMeeting>(
        GROUPS_API.communityMeetings(id(clientId)),
        request,
        keyed(idempotencyKey),
      ),
    );
  }
}
