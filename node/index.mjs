// ESM entry: the same objects as the CommonJS entry (`import { Client } from 'phonecom'`).
import phonecom from './index.js';

export const {
  Client,
  PhoneComError,
  ValidationError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitedError,
  ServerError,
  TransportError,
  TimeoutError,
  DecodeError,
  InternalError,
  errors,
  CODES,
  catalog,
  operation,
  express,
  numbers,
  callcontrol,
  version,
} = phonecom;

// The old name (deprecated; the same class): `import { PermissionError }` keeps working.
export const PermissionError = phonecom.PermissionDeniedError;

export default phonecom;
