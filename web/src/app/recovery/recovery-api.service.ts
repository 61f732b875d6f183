import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Assessment,
  CreateAssessmentRequest,
  CreateGoalRequest,
  Goal,
  UpdateGoalRequest,
} from '@peerpath/contracts';
import { firstValueFrom } from 'rxjs';

const id = encodeURIComponent;

/** Recovery goals with progress notes, and BARC-10 assessments. */
@Injectable({ providedIn: 'root' })
export class RecoveryApi {
  private readonly http = inject(HttpClient);

  goals(clientId: string): Promise<Goal[]> {
    return firstValueFrom(this.http.get<Goal[]>(`/api/clients/${id(clientId)}/goals`));
  }

  createGoal(clientId: string, request: CreateGoalRequest): Promise<Goal> {
    return firstValueFrom(this.http.post<Goal>(`/api/clients/${id(clientId)}/goals`, request));
  }

  updateGoal(goalId: string, request: UpdateGoalRequest): Promise<Goal> {
    return firstValueFrom(this.http.patch<Goal>(`/api/goals/${id(goalId)}`, request));
  }

  assessments(clientId: string): Promise<Assessment[]> {
    return firstValueFrom(this.http.get<Assessment[]>(`/api/clients/${id(clientId)}/assessments`));
  }

  recordAssessment(clientId: string, request: CreateAssessmentRequest): Promise<Assessment> {
    return firstValueFrom(this.http.post<Assessment>(`/api/clients/${id(clientId)}/assessments`, request));
  }
}
