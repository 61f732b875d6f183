import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

/** OpenAPI generated from the controllers: JSON for programs at /api/docs, Swagger UI for browsers. */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('PeerPath API')
    .setDescription('Caseload tool for peer recovery support. See docs/api.md for roles and scopes.')
    .setVersion('1')
    .addCookieAuth('peerpath.sid', { type: 'apiKey', in: 'cookie', name: 'peerpath.sid' }, 'session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app.use('/api/docs', (req: Request, res: Response, next: NextFunction) => {
    const wantsHtml = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (req.path === '/' && !wantsHtml) res.json(document);
    else next();
  });
  SwaggerModule.setup('api/docs', app, () => document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
