import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { CLINICAL_NOTE_TYPES, ClinicalNoteType, CreateClinicalNoteRequest } from '@peerpath/contracts';

export class CreateClinicalNoteDto implements CreateClinicalNoteRequest {
  @ApiProperty({ enum: CLINICAL_NOTE_TYPES }) @IsIn(CLINICAL_NOTE_TYPES) noteType!: ClinicalNoteType;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) body!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sign?: boolean;
}

export class UpdateClinicalNoteDto {
  @ApiProperty() @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional({ enum: CLINICAL_NOTE_TYPES })
  @IsOptional()
  @IsIn(CLINICAL_NOTE_TYPES)
  noteType?: ClinicalNoteType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20000) body?: string;
}

export class ClinicalAddendumDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) text!: string;
}

export class SignClinicalNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;
}
